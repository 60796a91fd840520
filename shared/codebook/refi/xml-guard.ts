/**
 * Checks that run before any XML parser sees a file (docs/reliability.md, "Hostile XML"): a size
 * cap, so a 200 MB file is refused without being decoded, and no DTD at all, so entity attacks
 * (billion laughs, quadratic blow-up, external entities that read local files) never reach a
 * parser. REFI-QDA files never need a DTD.
 */
import type { Problem } from '../../problem/problem';
import { MAX_CODES, tooManyCodesMessage } from '../code-limits';

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

/**
 * More `<Code>` elements than a codebook may hold, counted in the text before any parser builds a
 * tree of them: a 13 MB archive can hold millions, which would cost a minute and gigabytes to parse
 * only to be refused. Counts start tags (`<Code ` / `<Code>` / `<Code/>`, not `<CodeRef` or
 * `<CodeBook`), stopping at the first one over the cap.
 */
export function rejectTooManyCodes(text: string, file: string): Problem | null {
  let count = 0;
  for (let at = text.indexOf('<Code'); at !== -1; at = text.indexOf('<Code', at + 5)) {
    const next = text.charCodeAt(at + 5);
    // space, tab, LF, CR, '>' or '/'
    if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== 0x3e && next !== 0x2f) continue;
    if (++count > MAX_CODES) return { file, line: lineAt(text, at), record: 'Code', message: `${tooManyCodesMessage(`over ${MAX_CODES.toLocaleString('en')}`)}, so the file was not read` };
  }
  return null;
}

// Characters XML 1.0 forbids (its Char production): C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
// surrogates not in a pair. Code units, no `u` flag, so a lone surrogate is found as itself.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CHAR_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

/**
 * A character XML does not allow, written raw (a NUL byte) or as a reference (`&#0;`, `&#xD800;`):
 * parsers differ on what they make of it (fast-xml-parser passed a NUL into a code name), so the
 * file is refused, at the line of the first one. `lineOffset`: lines before `text` in its file.
 */
export function rejectForbiddenChars(text: string, file: string, lineOffset = 0): Problem | null {
  const raw = FORBIDDEN_CHAR.exec(text);
  CHAR_REFERENCE.lastIndex = 0;
  let reference: RegExpExecArray | null = null;
  for (let m = CHAR_REFERENCE.exec(text); m !== null; m = CHAR_REFERENCE.exec(text)) {
    if (raw && m.index > raw.index) break;
    const digits = m[1] ?? m[2]!;
    // Past 7 hex or 8 decimal digits it is beyond U+10FFFF whatever the digits are.
    const point = digits.length > 8 ? Infinity : parseInt(digits, m[1] !== undefined ? 16 : 10);
    if (!isXmlChar(point)) {
      reference = m;
      break;
    }
  }
  if (reference) {
    const line = lineAt(text, reference.index) + lineOffset;
    return { file, line, message: `line ${line}: the character reference ${reference[0].length > 24 ? `${reference[0].slice(0, 20)}…` : reference[0]} names a character XML does not allow, so the file is refused` };
  }
  if (raw) {
    const line = lineAt(text, raw.index) + lineOffset;
    const unit = raw[0].charCodeAt(0);
    const name = unit === 0 ? 'a NUL character (U+0000)' : unit >= 0xd800 && unit <= 0xdfff ? `an unpaired surrogate U+${hex(unit)}` : `the control character U+${hex(unit)}`;
    return { file, line, message: `line ${line} holds ${name}, which XML does not allow, so the file is refused` };
  }
  return null;
}

function isXmlChar(point: number): boolean {
  return point === 0x9 || point === 0xa || point === 0xd || (point >= 0x20 && point <= 0xd7ff) || (point >= 0xe000 && point <= 0xfffd) || (point >= 0x10000 && point <= 0x10ffff);
}

const hex = (unit: number): string => unit.toString(16).toUpperCase().padStart(4, '0');
