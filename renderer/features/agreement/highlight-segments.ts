import type { Interval } from '@shared/agreement/units/intervals';
import { codePointToUtf16 } from '@shared/text/offsets';
import { segmentize } from '@shared/text/segments';

/** A run of the shown text, highlighted or not. */
export interface HighlightPiece {
  /** Where it starts in the shown text (UTF-16), which keys it. */
  start: number;
  text: string;
  /** Whether one interval or more covers it. */
  marked: boolean;
}

/**
 * The text from `from` to `to` (UTF-16 units, the whole text by default) cut where the
 * highlights (code points) begin and end, overlapping ones flattened (shared/text/segments.ts).
 * Highlights reaching outside the stretch are clipped to it.
 */
export function highlightPieces(text: string, intervals: readonly Interval[], from = 0, to = text.length): HighlightPiece[] {
  const shown = text.slice(from, to);
  const spans = intervals.map((interval, n) => ({
    id: String(n),
    start: Math.max(0, codePointToUtf16(text, interval.start) - from),
    end: Math.min(shown.length, codePointToUtf16(text, interval.end) - from),
  }));
  return segmentize(shown.length, spans).map((segment) => ({
    start: segment.start,
    text: shown.slice(segment.start, segment.end),
    marked: segment.ids.length > 0,
  }));
}
