import { buildReplyTree, visibleRows } from '@shared/thread/reply-tree';
import type { Code, Coder, Coding, Post } from '@shared/model/records';
import { segmentize } from '@shared/text/segments';
import { codePointToUtf16 } from '@shared/text/offsets';

import { marginEntries } from '../margin/margin-entries';

/** A coding as the printed margin lists it, numbered within its post. */
export interface PrintNote {
  n: number;
  codingId: string;
  path: string;
  color: string;
  coderName: string;
  quote: string;
  memo: string;
}

/** A stretch of post text, with the colours of the codings covering it and the notes ending there. */
export interface PrintPiece {
  text: string;
  colors: string[];
  /** Note numbers of the codings that end with this piece (printed after it as superscripts). */
  ends: number[];
}

export interface PrintPost {
  post: Post;
  depth: number;
  pieces: PrintPiece[];
  notes: PrintNote[];
}

/**
 * The whole thread as it is printed: every post in reply order (collapsed branches too, not only
 * the rows on screen), its text cut at coding boundaries, and its codings numbered by where they
 * start with code, coder and memo.
 */
export function printModel(
  posts: readonly Post[],
  codingsByPost: ReadonlyMap<string, readonly Coding[]>,
  codes: ReadonlyMap<string, Code>,
  coders: ReadonlyMap<string, Coder>,
): PrintPost[] {
  return visibleRows(buildReplyTree(posts), new Set()).map(({ post, depth }) => {
    const codings = codingsByPost.get(post.id) ?? [];
    const byId = new Map(codings.map((c) => [c.id, c]));
    const notes = marginEntries(codings, codes, coders).map((entry, i) => ({
      n: i + 1,
      codingId: entry.codingId,
      path: entry.path,
      color: entry.color,
      coderName: entry.coderName,
      quote: entry.quote,
      memo: byId.get(entry.codingId)?.memo ?? '',
    }));
    const noteOf = new Map(notes.map((note) => [note.codingId, note]));
    // Offsets are code points; the text is sliced in UTF-16.
    const spans = codings.map((c) => ({ id: c.id, start: codePointToUtf16(post.text, c.start), end: codePointToUtf16(post.text, c.end) }));
    const endOf = new Map(spans.map((s) => [s.id, Math.min(s.end, post.text.length)]));
    const pieces = segmentize(post.text.length, spans).map((segment) => ({
      text: post.text.slice(segment.start, segment.end),
      colors: [...new Set(segment.ids.map((id) => noteOf.get(id)?.color ?? '#999999'))],
      ends: segment.ids.filter((id) => endOf.get(id) === segment.end).map((id) => noteOf.get(id)?.n ?? 0),
    }));
    return { post, depth, pieces, notes };
  });
}
