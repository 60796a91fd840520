/**
 * Which unit a producer's selection positions count, decided per source and checked against its
 * text (docs/refi-qda.md §6): the standard says code points; NVivo writes UTF-16 code units (CR LF
 * counting two, the BOM not counted); ATLAS.ti and MAXQDA count a CR LF as one. The producer's
 * habit is the first guess; every guess that reads the text differently is scored (ranges inside
 * the text, no split emoji, edges on word boundaries, agreement with the selection's name when it
 * quotes the text) and a clearly better one wins, with a warning. Whatever the unit, positions come
 * out as code points of the text with its line ends made LF, which is what posts store.
 */
import { TextIndex } from './text-index';

export type PositionConvention = 'code-points' | 'utf16' | 'code-points-crlf-as-one';

export const CONVENTION_LABEL: Record<PositionConvention, string> = {
  'code-points': 'Unicode code points (the standard)',
  utf16: 'UTF-16 code units (as NVivo writes them)',
  'code-points-crlf-as-one': 'code points with each CR LF counted once (as ATLAS.ti and MAXQDA write them)',
};

/** The text with CR LF and lone CR made LF, and the conversions a convention needs. */
export class SourceText {
  readonly lf: string;
  readonly lfIndex: TextIndex;
  private readonly rawIndex: TextIndex;
  /** Raw UTF-16 index of each CR dropped (the CR of a CR LF), ascending. */
  private readonly droppedCr: number[] = [];

  constructor(readonly raw: string) {
    for (let i = raw.indexOf('\r'); i !== -1; i = raw.indexOf('\r', i + 1)) if (raw.charCodeAt(i + 1) === 10) this.droppedCr.push(i);
    this.lf = raw.replace(/\r\n?/g, '\n');
    this.lfIndex = new TextIndex(this.lf);
    this.rawIndex = this.lf === raw ? this.lfIndex : new TextIndex(raw);
  }

  get hasCrlf(): boolean {
    return this.droppedCr.length > 0;
  }

  /** Whether two conventions can read this text differently at all. */
  get ambiguous(): boolean {
    return this.rawIndex.hasAstral || this.hasCrlf;
  }

  /** A position as written → code point in `lf`; null when outside the text or inside a character. */
  toLfCodePoint(position: number, convention: PositionConvention): number | null {
    if (!Number.isSafeInteger(position) || position < 0) return null;
    let rawU16: number;
    if (convention === 'code-points-crlf-as-one') return position <= this.lfIndex.lengthCp ? position : null;
    if (convention === 'code-points') {
      if (position > this.rawIndex.lengthCp) return null;
      rawU16 = this.rawIndex.utf16Of(position);
    } else {
      if (position > this.raw.length) return null;
      if (this.rawIndex.codePointOf(position) === null) return null;
      rawU16 = position;
    }
    return this.lfIndex.codePointOf(rawU16 - this.droppedBefore(rawU16));
  }

  private droppedBefore(rawU16: number): number {
    let low = 0;
    let high = this.droppedCr.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.droppedCr[middle]! < rawU16) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export interface ConventionChoice {
  convention: PositionConvention;
  /** The producer's habit, when the text showed another unit fits better. */
  overruled: PositionConvention | null;
}

export function expectedConvention(origin: string | null, text: SourceText): PositionConvention {
  if (origin !== null && /nvivo/i.test(origin)) return 'utf16';
  if (origin !== null && /atlas|maxqda/i.test(origin) && text.hasCrlf) return 'code-points-crlf-as-one';
  return 'code-points';
}

const WORD = /[\p{L}\p{N}]/u;

export function chooseConvention(origin: string | null, text: SourceText, selections: ReadonlyArray<{ start: number; end: number; name: string }>): ConventionChoice {
  const expected = expectedConvention(origin, text);
  if (!text.ambiguous || selections.length === 0) return { convention: expected, overruled: null };
  const score = (convention: PositionConvention): number => {
    let total = 0;
    for (const s of selections) {
      const start = text.toLfCodePoint(s.start, convention);
      const end = text.toLfCodePoint(s.end, convention);
      if (start === null || end === null || end < start) continue;
      total += 2;
      const startU16 = text.lfIndex.utf16Of(start);
      const endU16 = text.lfIndex.utf16Of(end);
      // The selection's first and last unit, read in place: most have no name, so no slice is needed.
      const first = endU16 > startU16 ? text.lf.charAt(startU16) : '';
      const last = endU16 > startU16 ? text.lf.charAt(endU16 - 1) : '';
      if (!WORD.test(text.lf.charAt(startU16 - 1)) || !WORD.test(first)) total++;
      if (!WORD.test(text.lf.charAt(endU16)) || !WORD.test(last)) total++;
      const name = s.name === '' ? '' : s.name.replace(/(…|\.\.\.)$/, '').trim();
      if (name.length > 0) total += squash(text.lf.slice(startU16, endU16)).startsWith(squash(name).slice(0, 40)) ? 4 : 0;
    }
    return total;
  };
  const candidates: PositionConvention[] = ['code-points', 'utf16', 'code-points-crlf-as-one'];
  // Without a CR LF, counting one as one character reads every position as code points do: scored once.
  const scored = new Map<PositionConvention, number>();
  const scoreOnce = (convention: PositionConvention): number => {
    const same = !text.hasCrlf && convention === 'code-points-crlf-as-one' ? 'code-points' : convention;
    const known = scored.get(same);
    if (known !== undefined) return known;
    const s = score(same);
    scored.set(same, s);
    return s;
  };
  const expectedScore = scoreOnce(expected);
  let best = expected;
  let bestScore = expectedScore;
  for (const candidate of candidates) {
    if (candidate === expected) continue;
    const s = scoreOnce(candidate);
    // Clearly better: by more than a tenth of what a selection can score, not a tie broken by chance.
    if (s > bestScore && s - expectedScore > Math.max(1, selections.length * 0.8)) {
      best = candidate;
      bestScore = s;
    }
  }
  return { convention: best, overruled: best === expected ? null : expected };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
