/**
 * One retrieved segment as every front end shows and exports it: the coding, where it is, who
 * coded it, and the quote with its context. Offsets are code points, end exclusive.
 */
import { sliceCodePoints } from '../../text/offsets';

/** How many code points of context each side of a quote. */
export const SEGMENT_CONTEXT = 80;

export interface SegmentRow {
  codingId: string;
  postId: string;
  threadId: string;
  /** '' when the thread is unknown (only in a damaged project). */
  threadTitle: string;
  author: string;
  platform: string;
  /** The post's time (ISO 8601 UTC) or null when the source has none. */
  postCreatedAt: string | null;
  url: string | null;
  codeId: string;
  /** "Parent > Child" of the coding's code. */
  codePath: string;
  /** Paths of the second code's codes that made this row match (and/overlap/near), in path order; [] otherwise. */
  matchedCodePaths: string[];
  coderId: string;
  coderName: string;
  memo: string;
  quote: string;
  start: number;
  end: number;
  /** Up to SEGMENT_CONTEXT code points before the quote, and after it. */
  before: string;
  after: string;
  /** True when the post's text goes on beyond the context shown (show an ellipsis). */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

/** The context around [start, end) of `text`, in code points. */
export function contextOf(text: string, start: number, end: number, width = SEGMENT_CONTEXT): Pick<SegmentRow, 'before' | 'after' | 'clippedBefore' | 'clippedAfter'> {
  const from = Math.max(0, start - width);
  const after = sliceCodePoints(text, end, end + width + 1);
  // One code point more than shown tells whether the text goes on, without measuring the whole post.
  const clippedAfter = [...after].length > width;
  return {
    before: sliceCodePoints(text, from, start),
    after: clippedAfter ? sliceCodePoints(after, 0, width) : after,
    clippedBefore: from > 0,
    clippedAfter,
  };
}
