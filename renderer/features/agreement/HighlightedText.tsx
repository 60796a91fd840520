import type { Interval } from '@shared/agreement/units/intervals';
import { codePointToUtf16 } from '@shared/text/offsets';

import { highlightPieces } from './highlight-segments';

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
  return (
    <div className="compare-text">
      {from > 0 ? '…' : null}
      <HighlightMarks text={text} intervals={intervals} from={from} to={to} color={color} />
      {to < text.length ? '…' : null}
    </div>
  );
}

interface MarksProps {
  text: string;
  /** In code points. */
  intervals: readonly Interval[];
  /** The stretch shown, in UTF-16 units (highlight-segments.ts). */
  from: number;
  to: number;
  color: string;
}

/** The stretch of text with its highlighted pieces as flat marks in `color` (AdjudicationText shows them too). */
export function HighlightMarks({ text, intervals, from, to, color }: MarksProps) {
  return highlightPieces(text, intervals, from, to).map((piece) =>
    piece.marked ? (
      <mark key={piece.start} className="coding-mark" style={{ ['--mark-color' as string]: color }}>
        {piece.text}
      </mark>
    ) : (
      <span key={piece.start}>{piece.text}</span>
    ),
  );
}
