/**
 * Text bound for a terminal, made harmless to show: control characters (C0 but tab and line
 * ends, DEL, C1, so every ESC sequence), the bidi embeddings, overrides and isolates, and the
 * line and paragraph separators become visible escapes like `\u202E`. A name can then neither
 * drive the terminal nor reorder what is printed after it; the data itself is never changed.
 *
 * The escapes are JSON's own, so JSON passed through stays the same JSON (a backslash in a JSON
 * string is already `\\`). Letters, marks, emoji, ZWJ and ZWNJ (Persian words, emoji sequences)
 * and the LRM/RLM/ALM marks (they reorder nothing past themselves) pass unchanged.
 */

/** One code point that would act on the terminal or on the order of what follows. */
export function isTerminalUnsafe(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d;
  if (codePoint >= 0x7f && codePoint <= 0x9f) return true; // DEL and C1 (0x9b is a one-byte CSI)
  if (codePoint >= 0x202a && codePoint <= 0x202e) return true; // LRE RLE PDF LRO RLO
  if (codePoint >= 0x2066 && codePoint <= 0x2069) return true; // LRI RLI FSI PDI
  return codePoint === 0x2028 || codePoint === 0x2029;
}

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\r(?!\n)/g;

const escape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * `text` with every unsafe character shown as `\uXXXX`. Tabs, `\n` and `\r\n` line ends are kept
 * (a lone `\r` would return the cursor and overwrite the line, so it is escaped).
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}
