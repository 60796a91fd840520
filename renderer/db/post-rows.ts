import { Dexie, type Collection } from 'dexie';

import type { Post } from '@shared/model/records';

import type { PostRow, ThreadmarkDB } from './database';

/** The `[threadId+seq]` range holding one thread's posts, in reading order (one getAll). */
export const threadPosts = (db: ThreadmarkDB, threadId: string): Collection<PostRow, string> =>
  db.posts.where('[threadId+seq]').between([threadId, Dexie.minKey], [threadId, Dexie.maxKey]);

/** Drops the db-only `seq` and keeps every other field, so nothing imported is ever lost. */
export function toPost(row: PostRow): Post {
  const { seq, ...post } = row;
  void seq;
  return post;
}
