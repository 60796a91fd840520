/** Test-only edits of stored posts, which live inside pages (post-store.ts): to simulate drift. */
import type { Post } from '@shared/model/records';

import type { ThreadmarkDB } from '../database';

/** Changes fields of one stored post in place. */
export async function patchStoredPost(db: ThreadmarkDB, id: string, patch: Partial<Post>): Promise<void> {
  await db.postPages
    .where('postIds')
    .equals(id)
    .modify((page) => {
      page.posts = page.posts.map((p) => (p.id === id ? { ...p, ...patch } : p));
    });
}

/** Removes one stored post (as if deleted by another window). */
export async function deleteStoredPost(db: ThreadmarkDB, id: string): Promise<void> {
  await db.postPages
    .where('postIds')
    .equals(id)
    .modify((page) => {
      page.posts = page.posts.filter((p) => p.id !== id);
      page.postIds = page.postIds.filter((p) => p !== id);
    });
}

/** How many posts are stored. */
export async function storedPostCount(db: ThreadmarkDB): Promise<number> {
  return (await db.postPages.toArray()).reduce((n, page) => n + page.posts.length, 0);
}
