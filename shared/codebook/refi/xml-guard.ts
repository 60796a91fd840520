/**
 * Checks that run before any XML parser sees a file (docs/reliability.md, "Hostile XML"): a size
 * cap, so a 200 MB file is refused without being decoded, and no DTD at all, so entity attacks
 * (billion laughs, quadratic blow-up, external entities that read local files) never reach a
 * parser. REFI-QDA files never need a DTD.
 */
import type { Problem } from '../../problem/problem';

export function checkXmlSize(size: number, maxBytes: number, file: string, what = 'the file'): Problem | null {
  if (size <= maxBytes) return null;
  return { file, message: `${what} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit, so it was not read` };
}

// Markup declarations only exist inside a DTD. A `<` cannot appear unescaped in text, so this never
// matches a name or description; a comment or CDATA section quoting a DTD is refused too, which no
// real REFI-QDA file does.
const DTD_DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

export function rejectDtd(text: string, file: string): Problem | null {
  const match = DTD_DECLARATION.exec(text);
  if (!match) return null;
  const line = lineAt(text, match.index);
  return {
    file,
    line,
    message: `line ${line} declares a ${match[1]!.toUpperCase()} (<!${match[1]}…>). REFI-QDA files never need one, and entity declarations can blow up memory or read local files, so the file is refused`,
  };
}

/** 1-based line of a string offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** "200 MB", "1.5 KB", "388 bytes" (binary units, as file managers show sizes). */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size) return `${(bytes / size).toFixed(bytes % size === 0 ? 0 : 1)} ${unit}`;
  }
  return `${bytes} bytes`;
}
