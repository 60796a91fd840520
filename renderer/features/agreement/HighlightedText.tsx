import type { Interval } from '@shared/agreement/units/intervals';
import { codePointToUtf16 } from '@shared/text/offsets';
import { segmentize } from '@shared/text/segments';

/** Read-only text with one coder's highlights (code points), for side-by-side comparison. */
export function HighlightedText({ text, intervals, color }: { text: string; intervals: readonly Interval[]; color: string }) {
  const spans = intervals.map((i, n) => ({ id: String(n), start: codePointToUtf16(text, i.start), end: codePointToUtf16(text, i.end) }));
  return (
    <div className="compare-text">
      {segmentize(text.length, spans).map((segment) => {
        const piece = text.slice(segment.start, segment.end);
        return segment.ids.length > 0 ? (
          <mark key={segment.start} className="coding-mark" style={{ ['--mark-color' as string]: color }}>
            {piece}
          </mark>
        ) : (
          <span key={segment.start}>{piece}</span>
        );
      })}
    </div>
  );
}
