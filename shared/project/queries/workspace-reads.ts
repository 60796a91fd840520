/** What the coding workspace shows: the thread list, a thread's codings in reading order. */
import type { Coding, Thread } from '../../model/records';
import type { ProjectReader } from '../project-store';
import { byImportThenId, byPosition, compareStrings } from '../record-order';

export type ThreadSummary = Thread & { postCount: number; startedAt: string | null; /** Posts with at least one coding. */ codedPostCount: number };

/** Threads by import time then id, each with its number of posts, of coded posts, and when it started: counted, not loaded. */
export async function threadSummaries(reader: ProjectReader): Promise<ThreadSummary[]> {
  const [threads, stats, coded] = await Promise.all([reader.threads(), reader.threadStats(), reader.codedPostCounts()]);
  return threads.sort(byImportThenId).map((t) => ({
    ...t,
    postCount: stats.get(t.id)?.postCount ?? 0,
    startedAt: stats.get(t.id)?.startedAt ?? null,
    codedPostCount: coded.get(t.id) ?? 0,
  }));
}

/** A thread's codings by post, then start, end and id. */
export async function codingsOfThreadInOrder(reader: ProjectReader, threadId: string): Promise<Coding[]> {
  return (await reader.codingsOfThread(threadId)).sort((a, b) => compareStrings(a.postId, b.postId) || byPosition(a, b));
}
