/** What the coding workspace shows: the thread list, a thread's codings in reading order. */
import type { Coding, Thread } from '../../model/records';
import type { ProjectReader } from '../project-store';
import { byImportThenId, byPosition, compareStrings } from '../record-order';

export type ThreadEntry = Thread & { postCount: number; startedAt: string | null };
export type ThreadSummary = ThreadEntry & { /** Posts with at least one coding. */ codedPostCount: number };

/**
 * Threads by import time then id, each with its number of posts and when it started, from the
 * threads' stats alone: what the thread list shows. No coding is read, so a coding leaves it as it is.
 */
export async function threadEntries(reader: ProjectReader): Promise<ThreadEntry[]> {
  const [threads, stats] = await Promise.all([reader.threads(), reader.threadStats()]);
  return threads.sort(byImportThenId).map((t) => ({ ...t, postCount: stats.get(t.id)?.postCount ?? 0, startedAt: stats.get(t.id)?.startedAt ?? null }));
}

/** The thread entries with each thread's coded posts (read through every coding's thread and post). */
export async function threadSummaries(reader: ProjectReader): Promise<ThreadSummary[]> {
  const [threads, coded] = await Promise.all([threadEntries(reader), reader.codedPostCounts()]);
  return threads.map((t) => ({ ...t, codedPostCount: coded.get(t.id) ?? 0 }));
}

/** The order of a thread's codings: by post, then start, end and id. */
export const byPostThenPosition = (a: Coding, b: Coding): number => compareStrings(a.postId, b.postId) || byPosition(a, b);

/** A thread's codings by post, then start, end and id. */
export async function codingsOfThreadInOrder(reader: ProjectReader, threadId: string): Promise<Coding[]> {
  return (await reader.codingsOfThread(threadId)).sort(byPostThenPosition);
}
