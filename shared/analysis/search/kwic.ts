/** Keyword-in-context lines: the match with a little of the post on either side, on one line. */
import { codePointLength, sliceCodePoints } from '../../text/offsets';

export interface SearchHit {
  postId: string;
  threadId: string;
  /** The match in code points, end exclusive. */
  start: number;
  end: number;
  /** Up to CONTEXT code points before and after the match, line breaks shown as spaces. */
  left: string;
  match: string;
  right: string;
}

export const CONTEXT = 40;

const oneLine = (s: string): string => s.replace(/\s/g, ' ');

export function kwic(postId: string, threadId: string, text: string, start: number, end: number, length = codePointLength(text)): SearchHit {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(length, end + CONTEXT);
  return {
    postId,
    threadId,
    start,
    end,
    left: (from > 0 ? '…' : '') + oneLine(sliceCodePoints(text, from, start)),
    match: oneLine(sliceCodePoints(text, start, end)),
    right: oneLine(sliceCodePoints(text, end, to)) + (to < length ? '…' : ''),
  };
}
