import { instanceOf } from '@shared/platform/instance';
import type { Thread } from '@shared/model/records';

import type { Migration } from './migration';

interface PageRow {
  posts: Array<{ id: string; url: string | null }>;
}

/**
 * Platform terms and publication-safe quotes: projects, threads, posts and codings gain optional
 * fields only (terms, expiry, deletion log, collection details, tombstones, quoted), so no table
 * changes. Stored Mastodon threads get their instance from the opening post's URL, so an
 * instance's terms note applies to data imported before this version too.
 */
export const platformTermsMigration: Migration = {
  version: 8,
  stores: {},
  upgrade: async (tx) => {
    const threads = (await tx.table('threads').toArray()) as Thread[];
    for (const thread of threads) {
      if (thread.platform !== 'mastodon' || thread.instance !== undefined) continue;
      const page = (await tx.table('postPages').where('postIds').equals(thread.rootPostId).first()) as PageRow | undefined;
      const instance = instanceOf(thread.platform, page?.posts.find((p) => p.id === thread.rootPostId)?.url ?? null);
      if (instance) await tx.table('threads').put({ ...thread, instance });
    }
  },
};
