/**
 * Per-post maps of the open thread that a coding updates for the coded post only (issue 15: a
 * coding ≤ 16 ms at a million posts). Regrouping all 40,000 codings of the largest thread after each
 * coding, and deriving every post's highlights and margin again, cost more than the frame. A map made
 * by `regroupPosts` remembers which map it was made from and which posts differ from it
 * (`changesOf`), so what is derived per post (spans, margin entries) copies its previous map and
 * derives the changed posts alone; any other map is derived whole.
 */
import type { Coding } from '@shared/model/records';
import { compareStrings } from '@shared/project/record-order';

export type CodingsByPost = ReadonlyMap<string, Coding[]>;

/** What a map made by `regroupPosts` changed: `posts` differ from `from`, every other post is the same array. */
export interface PostChanges<V> {
  from: ReadonlyMap<string, V>;
  posts: ReadonlySet<string>;
}

const changes = new WeakMap<ReadonlyMap<string, unknown>, PostChanges<unknown>>();

export function changesOf<V>(map: ReadonlyMap<string, V>): PostChanges<V> | undefined {
  return changes.get(map) as PostChanges<V> | undefined;
}

/** `from` with `posts`' values replaced by `valueOf` (a post left out when it gives undefined); tagged for `changesOf`. */
export function withPosts<V>(from: ReadonlyMap<string, V>, posts: ReadonlySet<string>, valueOf: (postId: string) => V | undefined): Map<string, V> {
  const next = new Map(from);
  for (const postId of posts) {
    const value = valueOf(postId);
    if (value === undefined) next.delete(postId);
    else next.set(postId, value);
  }
  changes.set(next, { from, posts });
  return next;
}

/** Codings by post, in the order given (codingsOfThreadInOrder's). */
export function groupByPost(codings: readonly Coding[]): Map<string, Coding[]> {
  const map = new Map<string, Coding[]>();
  for (const coding of codings) {
    const list = map.get(coding.postId);
    if (list) list.push(coding);
    else map.set(coding.postId, [coding]);
  }
  return map;
}

/** The codings of `postId` in `codings` sorted by post (byPostThenPosition): found by binary search. */
export function codingsOfPost(codings: readonly Coding[], postId: string): Coding[] {
  let lo = 0;
  let hi = codings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(codings[mid]!.postId, postId) < 0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < codings.length && codings[end]!.postId === postId) end++;
  return codings.slice(lo, end);
}

/**
 * `previous` (the grouping of an earlier `codings`) with `posts` regrouped from `codings`, which
 * differs from that earlier array in those posts only. A post whose codings are the same records
 * keeps its array, so nothing derived from it changes.
 */
export function regroupPosts(previous: CodingsByPost, codings: readonly Coding[], posts: ReadonlySet<string>): Map<string, Coding[]> {
  return withPosts(previous, posts, (postId) => {
    const list = codingsOfPost(codings, postId);
    if (list.length === 0) return undefined;
    const kept = previous.get(postId);
    return kept && sameRecords(kept, list) ? kept : list;
  });
}

export function sameRecords<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
