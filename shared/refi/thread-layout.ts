/**
 * The text source a thread becomes in a .qdpx (docs/formats.md, "REFI-QDA project (.qdpx)"): its
 * posts in reading order, each preceded by one header line naming the author and time, posts
 * separated by a blank line, LF line ends, a final LF. The layout is a pure function of the posts,
 * so a source coded in another tool maps back onto the posts it was made from exactly: recompute
 * the layout from the stored posts, and every position falls in a header, a separator or a post.
 * All offsets are code points, end exclusive.
 */
import type { Post } from '../model/records';
import { codePointLength } from '../text/offsets';

export interface LaidOutPost {
  postId: string;
  /** Where the post's text starts and ends in the source. */
  start: number;
  end: number;
  /** Where it starts in UTF-16 code units (the NVivo-compatible positions). */
  start16: number;
}

export interface ThreadLayout {
  text: string;
  /** In source order; `start` ascending, never overlapping. */
  posts: LaidOutPost[];
}

/** `[author · 2024-03-01T10:00:00Z]`, or `[author]` for a post without a time; line breaks in a name become spaces. */
export function postHeader(post: Pick<Post, 'author' | 'createdAt'>): string {
  const author = post.author.replace(/[\r\n]+/g, ' ') || 'unknown author';
  return post.createdAt === null ? `[${author}]` : `[${author} · ${post.createdAt}]`;
}

export function layOutThread(posts: readonly Pick<Post, 'id' | 'author' | 'createdAt' | 'text'>[]): ThreadLayout {
  const parts: string[] = [];
  const laid: LaidOutPost[] = [];
  let at = 0;
  let at16 = 0;
  posts.forEach((post, i) => {
    const head = `${i === 0 ? '' : '\n\n'}${postHeader(post)}\n`;
    at += codePointLength(head);
    at16 += head.length;
    const length = codePointLength(post.text);
    laid.push({ postId: post.id, start: at, end: at + length, start16: at16 });
    at += length;
    at16 += post.text.length;
    parts.push(head, post.text);
  });
  parts.push('\n');
  return { text: parts.join(''), posts: laid };
}

export interface PostPiece {
  postId: string;
  /** Offsets inside the post's text. */
  start: number;
  end: number;
}

/**
 * A source range [start, end) → the pieces of post text it covers, in order. Headers and
 * separators are left out; a range over two posts gives two pieces (the caller reports the split).
 */
export function piecesOf(layout: { posts: ReadonlyArray<Pick<LaidOutPost, 'postId' | 'start' | 'end'>> }, start: number, end: number): PostPiece[] {
  const pieces: PostPiece[] = [];
  // First post ending after `start`.
  let low = 0;
  let high = layout.posts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (layout.posts[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < layout.posts.length; i++) {
    const post = layout.posts[i]!;
    if (post.start >= end) break;
    const from = Math.max(start, post.start);
    const to = Math.min(end, post.end);
    if (to > from) pieces.push({ postId: post.postId, start: from - post.start, end: to - post.start });
  }
  return pieces;
}
