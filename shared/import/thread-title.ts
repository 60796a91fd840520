/**
 * A thread's title for the thread list: the platform's own title when there is one, else the
 * start of the opening post on one line.
 */
import { codePointLength, sliceCodePoints } from '../text/offsets';

export const TITLE_LENGTH = 80;

/** The first 80 code points of `text` with runs of whitespace as one space; "…" marks a cut. */
export function titleFromText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return codePointLength(line) > TITLE_LENGTH ? `${sliceCodePoints(line, 0, TITLE_LENGTH)}…` : line;
}
