import type { Migration } from './migration';

/**
 * Posts carry a db-only `seq` (reading order within their thread): the compound index
 * `[threadId+seq]` returns a thread's posts in order with one getAll range, and also serves plain
 * `threadId` lookups, so no separate `threadId` index is kept. Root codes have `parentId: null`,
 * which IndexedDB does not index; code lookups load the (small) codebook instead.
 */
export const initialMigration: Migration = {
  version: 1,
  stores: {
    meta: 'key',
    projects: 'id',
    threads: 'id',
    posts: 'id, [threadId+seq], [platform+platformId]',
    codes: 'id, parentId',
    coders: 'id',
    codings: 'id, postId, threadId, codeId, coderId',
  },
};
