/**
 * Index of the first unpaired surrogate in `text`, or -1 when the text is well-formed Unicode.
 * Lone surrogates survive JSON.parse but make XML exports invalid and CSV exports lossy
 * (docs/reliability.md, "Encodings and broken text"), so imported text is checked once.
 */
export function firstUnpairedSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}
