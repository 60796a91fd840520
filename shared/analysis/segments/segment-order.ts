/**
 * The reading order of retrieved codings: threads by import (then id), posts by time (undated
 * first, then id), codings by start, end, code path, id. Bucketed, not sorted whole: codings are
 * grouped by post (which also gives the posts to read), posts ordered within their thread and
 * codings within their post, so 50,000 codings cost one pass and many tiny sorts.
 */
import type { Coding, Post, Thread } from '../../model/records';
import { byImportThenId, compareStrings } from '../../project/record-order';

export interface CodingsByPost {
  byPost: Map<string, Coding[]>;
  /** Per thread id, its posts' ids in the order first met. */
  postsByThread: Map<string, string[]>;
}

export function groupByPost(codings: readonly Coding[]): CodingsByPost {
  const byPost = new Map<string, Coding[]>();
  const postsByThread = new Map<string, string[]>();
  for (const c of codings) {
    const bucket = byPost.get(c.postId);
    if (bucket) {
      bucket.push(c);
      continue;
    }
    byPost.set(c.postId, [c]);
    const ids = postsByThread.get(c.threadId);
    if (ids) ids.push(c.postId);
    else postsByThread.set(c.threadId, [c.postId]);
  }
  return { byPost, postsByThread };
}

/**
 * The grouped codings in reading order, ordered lazily a thread at a time as rows are asked for:
 * the first page of 50,000 segments orders only the first threads. Posts `keep` refuses (a filter)
 * are left out whole; `total` counts what is kept without ordering anything.
 */
export interface OrderedCodings {
  total: number;
  /** The coding at `index` of the reading order (0 ≤ index < total). */
  at(index: number): Coding;
}

export function inReadingOrder(
  { byPost, postsByThread }: CodingsByPost,
  threads: readonly Thread[],
  posts: ReadonlyMap<string, Post>,
  codePaths: ReadonlyMap<string, string>,
  keep: ((post: Post | undefined) => boolean) | null,
): OrderedCodings {
  let total = 0;
  for (const [postId, bucket] of byPost) if (keep === null || keep(posts.get(postId))) total += bucket.length;

  const known = [...threads].sort(byImportThenId).map((t) => t.id);
  const knownIds = new Set(known);
  const threadOrder = [...known, ...[...postsByThread.keys()].filter((id) => !knownIds.has(id)).sort(compareStrings)];
  const pathOf = (c: Coding) => codePaths.get(c.codeId) ?? '';
  const ordered: Coding[] = [];
  let nextThread = 0;
  const orderNextThread = (): void => {
    const postIds = postsByThread.get(threadOrder[nextThread++]!);
    if (!postIds) return;
    const dated = [];
    for (const id of postIds) {
      const post = posts.get(id);
      if (keep === null || keep(post)) dated.push({ id, time: post?.createdAt ?? '' });
    }
    dated.sort((a, b) => compareStrings(a.time, b.time) || compareStrings(a.id, b.id));
    for (const { id } of dated) {
      const bucket = byPost.get(id)!;
      if (bucket.length > 1) bucket.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(pathOf(a), pathOf(b)) || compareStrings(a.id, b.id));
      for (const c of bucket) ordered.push(c);
    }
  };
  return {
    total,
    at(index) {
      while (ordered.length <= index && nextThread < threadOrder.length) orderNextThread();
      const coding = ordered[index];
      if (!coding) throw new RangeError(`no segment ${index} (there are ${total})`);
      return coding;
    },
  };
}
