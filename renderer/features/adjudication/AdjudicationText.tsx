import type { Interval } from '@shared/agreement/units/intervals';
import { codePointToUtf16 } from '@shared/text/offsets';

import { HighlightMarks } from '../agreement/HighlightedText';
import { ELLIPSIS_ATTRIBUTE, FROM_ATTRIBUTE, TEXT_ATTRIBUTE } from './read-text-selection';

interface Props {
  text: string;
  /** One coder's (or the consensus') spans, in code points. */
  spans: readonly Interval[];
  color: string;
  /** Only this stretch of the text (code points), with ellipses where it is cut. */
  window?: Interval | undefined;
}

/**
 * The post's text with one layer's spans highlighted. Text can be selected in it (A adjust, D add):
 * read-text-selection.ts maps a selection back to the post's offsets, window and ellipses aside.
 */
export function AdjudicationText({ text, spans, color, window }: Props) {
  const from = window ? wordStart(text, codePointToUtf16(text, window.start)) : 0;
  const to = window ? wordEnd(text, codePointToUtf16(text, window.end)) : text.length;
  const attributes = { [TEXT_ATTRIBUTE]: '', [FROM_ATTRIBUTE]: from };
  return (
    <div className="adjudication-text compare-text" {...attributes}>
      {from > 0 ? <span {...{ [ELLIPSIS_ATTRIBUTE]: '' }}>… </span> : null}
      <HighlightMarks text={text} intervals={spans} from={from} to={to} color={color} />
      {to < text.length ? <span {...{ [ELLIPSIS_ATTRIBUTE]: '' }}> …</span> : null}
    </div>
  );
}

/** How far a window's edge moves to cut between words rather than inside one (UTF-16 units). */
const SNAP = 30;
const SPACE = /\s/;

/** The start of the word `index` falls in (or `index`, if no space is near). */
function wordStart(text: string, index: number): number {
  for (let i = index; i > 0 && i > index - SNAP; i--) if (SPACE.test(text.charAt(i - 1))) return i;
  return index;
}

/** The end of the word `index` falls in (or `index`, if no space is near). */
function wordEnd(text: string, index: number): number {
  for (let i = index; i < text.length && i < index + SNAP; i++) if (SPACE.test(text.charAt(i))) return i;
  return index;
}
