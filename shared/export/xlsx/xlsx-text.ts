/**
 * Text as SpreadsheetML cell content. XML 1.0 cannot hold most control characters; OOXML's escape
 * for them is `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), which Excel and LibreOffice turn
 * back into the character, so no text is lost. A literal `_xHHHH_` in the text is itself escaped
 * (its `_` as `_x005F_`) so it is not decoded. A lone surrogate has no XML form: it becomes U+FFFD.
 */

/** Excel's limit per cell; longer text is cut there (the CSV and Parquet exports keep it whole). */
export const MAX_CELL_CHARS = 32_767;

// Characters XML 1.0 forbids (everything below U+0020 except TAB, LF, CR; U+FFFE, U+FFFF), a
// literal escape sequence, lone surrogates, and the three XML specials.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>]|_x[0-9A-Fa-f]{4}_|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xlsxText(text: string): string {
  return cutToCell(text).replace(NEEDS_WORK, (m) => {
    if (m === '&') return '&amp;';
    if (m === '<') return '&lt;';
    if (m === '>') return '&gt;';
    if (m.startsWith('_x')) return `_x005F${m}`;
    const unit = m.charCodeAt(0);
    if (unit >= 0xd800 && unit <= 0xdfff) return '\uFFFD';
    return `_x${unit.toString(16).toUpperCase().padStart(4, '0')}_`;
  });
}

/** An XML attribute value (sheet names in workbook.xml). */
export function xmlAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function cutToCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  // Never leave half of a surrogate pair at the cut.
  const end = isHighSurrogate(text.charCodeAt(MAX_CELL_CHARS - 1)) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return text.slice(0, end);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
