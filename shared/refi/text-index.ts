/**
 * Many position conversions over one long text (a source with thousands of selections): the
 * astral characters (the ones UTF-16 writes as two units) are found once, then each conversion is a
 * binary search. shared/text/offsets.ts walks the prefix per call, which is right for a post and
 * quadratic for an interview transcript.
 */

export class TextIndex {
  /** UTF-16 index of each astral character, ascending. */
  private readonly astral16: number[] = [];
  readonly length16: number;
  readonly lengthCp: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astral16.push(i);
          i++;
        }
      }
    }
    this.length16 = text.length;
    this.lengthCp = text.length - this.astral16.length;
  }

  get hasAstral(): boolean {
    return this.astral16.length > 0;
  }

  /** UTF-16 index of code point `cp` (0 ≤ cp ≤ lengthCp). */
  utf16Of(cp: number): number {
    // Astral characters before cp: the k-th one sits at code point astral16[k] - k.
    let low = 0;
    let high = this.astral16.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.astral16[middle]! - middle < cp) low = middle + 1;
      else high = middle;
    }
    return cp + low;
  }

  /** Code point index of UTF-16 index `u16`, or null when it falls between the halves of a pair. */
  codePointOf(u16: number): number | null {
    let low = 0;
    let high = this.astral16.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.astral16[middle]! < u16) low = middle + 1;
      else high = middle;
    }
    if (low > 0 && this.astral16[low - 1]! + 1 === u16) return null;
    return u16 - low;
  }
}
