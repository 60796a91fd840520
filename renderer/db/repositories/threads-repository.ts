import type { Post, Project, Thread } from '@shared/model/records';

import type { ThreadmarkDB } from '../database';
import { byImportThenId } from '../ordering';
import { threadPosts, toPost } from '../post-rows';

export type ThreadSummary = Thread & { postCount: number };

/** Threads by import time then id, each with its number of posts. */
export async function listThreads(db: ThreadmarkDB): Promise<ThreadSummary[]> {
  return db.transaction('r', [db.threads, db.posts], async () => {
    const threads = (await db.threads.toArray()).sort(byImportThenId);
    const counts = await Promise.all(threads.map((t) => threadPosts(db, t.id).count()));
    return threads.map((t, i) => ({ ...t, postCount: counts[i] ?? 0 }));
  });
}

/** A thread's posts in reading order (the order they had in the imported bundle). */
export async function postsOfThread(db: ThreadmarkDB, threadId: string): Promise<Post[]> {
  return (await threadPosts(db, threadId).toArray()).map(toPost);
}

/** The project this database holds, if any. */
export async function getProject(db: ThreadmarkDB): Promise<Project | undefined> {
  return db.projects.toCollection().first();
}
