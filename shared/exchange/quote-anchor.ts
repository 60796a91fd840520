/**
 * Quotes and their context (W3C TextQuoteSelector) and re-anchoring by quote. Everything counts
 * Unicode code points, as the stored offsets do (shared/text/offsets.ts) and as the W3C model asks
 * of a TextPositionSelector.
 */
import { codePointLength, sliceCodePoints, utf16ToCodePoint } from '../text/offsets';

/** Code points of context kept before and after a quote: enough to tell repeats of a phrase apart. */
export const CONTEXT_LENGTH = 32;

export interface QuoteContext {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The quote of [start, end) and up to CONTEXT_LENGTH code points either side. */
export function quoteContext(text: string, start: number, end: number): QuoteContext {
  return {
    exact: sliceCodePoints(text, start, end),
    prefix: sliceCodePoints(text, Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: sliceCodePoints(text, end, end + CONTEXT_LENGTH),
  };
}

export type Anchoring =
  /** The positions hold the quote (or the file gave no quote and the positions fit the text). */
  | { kind: 'kept'; start: number; end: number }
  /** The file gave a quote and no positions: placed where the quote is. */
  | { kind: 'located'; start: number; end: number }
  /** The positions disagreed with the text; the quote was found elsewhere. */
  | { kind: 'moved'; start: number; end: number }
  | { kind: 'unplaced'; reason: string };

export interface AnchorInput {
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
}

/**
 * Where a span goes in `text`: its positions when they hold its quote; else the occurrence of the
 * quote whose surroundings best match prefix and suffix, the one nearest the given start on a tie.
 */
export function anchorSpan(text: string, span: AnchorInput): Anchoring {
  const length = codePointLength(text);
  const { start, end, exact } = span;
  const positioned = start !== null && end !== null && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length;
  if (exact === null || exact === '') {
    if (positioned) return { kind: 'kept', start, end };
    return { kind: 'unplaced', reason: start === null || end === null ? 'it has neither a quote nor positions' : `its positions ${start}–${end} do not fit the post (${length} characters) and it has no quote` };
  }
  if (positioned && sliceCodePoints(text, start, end) === exact) return { kind: 'kept', start, end };

  const candidates = occurrences(text, exact);
  if (candidates.length === 0) return { kind: 'unplaced', reason: `the quote “${shorten(exact)}” is not in the post` };
  const quoteLength = codePointLength(exact);
  let best: { at: number; score: number; distance: number } | null = null;
  for (const at of candidates) {
    const score = commonSuffix(sliceCodePoints(text, Math.max(0, at - CONTEXT_LENGTH * 2), at), span.prefix ?? '') + commonPrefix(sliceCodePoints(text, at + quoteLength, at + quoteLength + CONTEXT_LENGTH * 2), span.suffix ?? '');
    const distance = start === null ? at : Math.abs(at - start);
    if (best === null || score > best.score || (score === best.score && distance < best.distance)) best = { at, score, distance };
  }
  return { kind: start === null || end === null ? 'located' : 'moved', start: best!.at, end: best!.at + quoteLength };
}

/** Code point offsets of every occurrence of `needle` (overlapping ones too). */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return found;
    // A match that starts on the low half of a surrogate pair is not a match of code points.
    const cp = utf16ToCodePoint(text, at);
    if (sliceCodePoints(text, cp, cp + codePointLength(needle)) === needle) found.push(cp);
    from = at + 1;
  }
}

/** How many code points `a` and `b` share at their ends. */
function commonSuffix(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

/** How many code points `a` and `b` share at their starts. */
function commonPrefix(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** A quote short enough for a message. */
export function shorten(quote: string, max = 40): string {
  const points = Array.from(quote.replace(/\s+/g, ' '));
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('')}…`;
}
