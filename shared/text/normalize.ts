/**
 * The one normalization post text gets, once, at import (docs/formats.md). Offsets are counted on
 * the result, so this must never change for text that is already stored.
 */
export function normalizeText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}
