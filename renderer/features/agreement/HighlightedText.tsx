import type { Interval } from '@shared/agreement/units/intervals';
import { codePointToUtf16 } from '@shared/text/offsets';
import { segmentize } from '@shared/text/segments';

interface Props {
  text: string;
  /** One coder's highlights, in code points. */
  intervals: readonly Interval[];
  color: string;
  /** Show only this stretch of the text (code points), with ellipses where it is cut. */
  window?: Interval;
}

/** Read-only text with one coder's highlights, for side-by-side comparison. */
export function HighlightedText({ text, intervals, color, window }: Props) {
  const from = window ? codePointToUtf16(text, window.start) : 0;
  const to = window ? codePointToUtf16(text, window.end) : text.length;
  const shown = text.slice(from, to);
  const spans = intervals.map((i, n) => ({
    id: String(n),
    start: Math.max(0, codePointToUtf16(text, i.start) - from),
    end: Math.min(shown.length, codePointToUtf16(text, i.end) - from),
  }));
  return (
    <div className="compare-text">
      {from > 0 ? '…' : null}
      {segmentize(shown.length, spans).map((segment) => {
        const piece = shown.slice(segment.start, segment.end);
        return segment.ids.length > 0 ? (
          <mark key={segment.start} className="coding-mark" style={{ ['--mark-color' as string]: color }}>
            {piece}
          </mark>
        ) : (
          <span key={segment.start}>{piece}</span>
        );
      })}
      {to < text.length ? '…' : null}
    </div>
  );
}
