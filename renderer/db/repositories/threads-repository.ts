import type { Post, Project, Thread } from '@shared/model/records';

import type { ThreadmarkDB } from '../database';
import { byImportThenId } from '@shared/project/record-order';
import { postsOfThreadInOrder, threadStats } from '../post-store';

export type ThreadSummary = Thread & { postCount: number; startedAt: string | null };

/** Threads by import time then id, each with its number of posts and when it started. */
export async function listThreads(db: ThreadmarkDB): Promise<ThreadSummary[]> {
  return db.transaction('r', [db.threads, db.threadStats], async () => {
    const [threads, stats] = await Promise.all([db.threads.toArray(), threadStats(db)]);
    return threads.sort(byImportThenId).map((t) => ({ ...t, postCount: stats.get(t.id)?.postCount ?? 0, startedAt: stats.get(t.id)?.startedAt ?? null }));
  });
}

/** A thread's posts in reading order (the order they had in the imported bundle). */
export async function postsOfThread(db: ThreadmarkDB, threadId: string): Promise<Post[]> {
  return postsOfThreadInOrder(db, threadId);
}

/** The project this database holds, if any. */
export async function getProject(db: ThreadmarkDB): Promise<Project | undefined> {
  return db.projects.toCollection().first();
}
