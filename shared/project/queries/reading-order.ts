/**
 * Reading order across a project: threads by import time (then id), each thread's posts in the
 * order given (a store hands them over in reading order). Agreement and adjudication list posts so.
 */
import type { Thread } from '../../model/records';
import { byImportThenId, compareStrings } from '../record-order';

/**
 * `posts` thread by thread in import order, each thread's posts in the order given; posts of an
 * unknown thread last, by thread id. Bucketed, not sorted: a corpus has hundreds of thousands.
 */
export function postsInReadingOrder<P extends { threadId: string }>(threads: readonly Thread[], posts: readonly P[]): P[] {
  const buckets = new Map<string, P[]>();
  for (const post of posts) {
    const bucket = buckets.get(post.threadId);
    if (bucket) bucket.push(post);
    else buckets.set(post.threadId, [post]);
  }
  const out: P[] = [];
  for (const thread of [...threads].sort(byImportThenId)) {
    const bucket = buckets.get(thread.id);
    if (!bucket) continue;
    for (const post of bucket) out.push(post);
    buckets.delete(thread.id);
  }
  for (const threadId of [...buckets.keys()].sort(compareStrings)) for (const post of buckets.get(threadId)!) out.push(post);
  return out;
}
