/**
 * UTF-16 indices (what JS strings and Lexical use) ↔ Unicode code points (what every file we write
 * uses, like Python's `text[start:end]`). Each call walks only the prefix it needs with charCodeAt,
 * so no per-call array of the whole string is built.
 *
 * Out-of-range input is clamped, never thrown: negative (or NaN) → 0, past the end → the end.
 * Fractional positions are truncated toward zero.
 */

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

const clampIndex = (index: number, max: number): number => {
  if (!(index > 0)) return 0; // also catches NaN
  return index >= max ? max : Math.trunc(index);
};

/** True when a surrogate pair starts at UTF-16 index `i`. A lone surrogate counts as one code point. */
const pairAt = (text: string, i: number): boolean =>
  isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1));

/** Number of Unicode code points (Python's `len`). */
export function codePointLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++, count++) {
    if (pairAt(s, i)) i++;
  }
  return count;
}

/**
 * Code point offset of a UTF-16 index. An index inside a surrogate pair rounds down to the pair's
 * start, so a selection edge can never split an emoji.
 */
export function utf16ToCodePoint(text: string, utf16Index: number): number {
  const target = clampIndex(utf16Index, text.length);
  let cp = 0;
  let i = 0;
  while (i < target) {
    const width = pairAt(text, i) ? 2 : 1;
    if (i + width > target) break; // target sits between the halves of a pair
    i += width;
    cp++;
  }
  return cp;
}

/** UTF-16 index of a code point offset. */
export function codePointToUtf16(text: string, cp: number): number {
  return advance(text, 0, clampIndex(cp, Number.MAX_SAFE_INTEGER));
}

/** `text[start:end]` in code points; clamped like the other helpers, '' when end ≤ start. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const from = clampIndex(start, Number.MAX_SAFE_INTEGER);
  const to = clampIndex(end, Number.MAX_SAFE_INTEGER);
  if (to <= from) return '';
  const startUnit = advance(text, 0, from);
  return text.slice(startUnit, advance(text, startUnit, to - from));
}

/** Moves `steps` code points forward from UTF-16 index `i`, stopping at the end of the text. */
function advance(text: string, i: number, steps: number): number {
  let at = i;
  for (let n = 0; n < steps && at < text.length; n++) {
    at += pairAt(text, at) ? 2 : 1;
  }
  return at;
}
