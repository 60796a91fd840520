import type { Migration } from './migration';

/** Posts per page when version-3 pages are first built (a released migration never changes). */
const PAGE_SIZE = 500;

interface V2PostRow {
  id: string;
  threadId: string;
  seq: number;
  platform: string;
  platformId: string | null;
  createdAt: string | null;
  [field: string]: unknown;
}

/**
 * Posts move from one row each into pages of up to 500 posts per thread, in reading order.
 * Chromium spends most of an import's time per IndexedDB request, not per byte: 100,000 one-post
 * puts took 4–6 s here, 200 page puts with the same posts 0.9 s (docs/decisions/0006-posts-stored-in-pages.md). Posts are
 * immutable after import and are read a thread at a time, so pages lose nothing:
 * - `[threadId+page]` returns a thread's posts in order with one range read;
 * - the multi-entry `postIds` finds the page holding a post (codings point at posts);
 * - the multi-entry `platformKeys` ("platform\u0000platformId") finds posts already imported.
 * `threadStats` keeps each thread's post count and start time, so the thread list never reads posts.
 * The db-only `seq` goes: a post's place is its page and its index in the page.
 */
export const postPagesMigration: Migration = {
  version: 3,
  stores: {
    posts: null,
    postPages: '[threadId+page], *postIds, *platformKeys',
    threadStats: 'threadId',
  },
  upgrade: async (tx) => {
    const rows = (await tx.table('posts').toArray()) as V2PostRow[];
    const byThread = new Map<string, V2PostRow[]>();
    for (const row of rows) {
      let list = byThread.get(row.threadId);
      if (!list) byThread.set(row.threadId, (list = []));
      list.push(row);
    }
    const pages: unknown[] = [];
    const stats: unknown[] = [];
    for (const [threadId, list] of byThread) {
      list.sort((a, b) => a.seq - b.seq);
      const posts = list.map(({ seq, ...post }) => {
        void seq;
        return post;
      });
      for (let page = 0; page * PAGE_SIZE < posts.length; page++) {
        const slice = posts.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
        pages.push({
          threadId,
          page,
          posts: slice,
          postIds: slice.map((p) => p.id),
          platformKeys: slice.filter((p) => p.platformId !== null).map((p) => `${p.platform}\u0000${p.platformId}`),
        });
      }
      stats.push({ threadId, postCount: posts.length, startedAt: posts.find((p) => p.createdAt !== null)?.createdAt ?? null });
    }
    // Threads without posts still get their (empty) stats row.
    const threadIds = (await tx.table('threads').toCollection().primaryKeys()) as string[];
    for (const id of threadIds) if (!byThread.has(id)) stats.push({ threadId: id, postCount: 0, startedAt: null });
    await tx.table('postPages').bulkAdd(pages);
    await tx.table('threadStats').bulkAdd(stats);
  },
};
