import type { Post } from '@shared/model/records';
import { postFactsOf } from '@shared/project/post-facts';

import type { Migration } from './migration';

interface PageRow {
  threadId: string;
  page: number;
  posts: Post[];
}

/** Pages converted per read: bounds what the upgrade holds at once (a few thousand posts). */
const PAGES_PER_BATCH = 20;

/**
 * Post metadata (issue 15): each post page gets a facts page beside it, same key, holding its
 * posts' author, platform, time and the values attributes derive from (shared/project/post-facts.ts),
 * so the code × author | platform | month tables, the Attributes tab and the author pickers read
 * those instead of every post. Filled here from the stored pages, a few pages at a time; kept in
 * step from then on by post-store.ts, which writes both.
 */
export const postMetadataMigration: Migration = {
  version: 10,
  stores: {
    postFacts: '[threadId+page]',
  },
  upgrade: async (tx) => {
    const pages = tx.table('postPages');
    const keys = await pages.toCollection().primaryKeys();
    for (let at = 0; at < keys.length; at += PAGES_PER_BATCH) {
      const rows = (await pages.bulkGet(keys.slice(at, at + PAGES_PER_BATCH))) as Array<PageRow | undefined>;
      const facts = rows.flatMap((row) => (row ? [{ threadId: row.threadId, page: row.page, facts: row.posts.map(postFactsOf) }] : []));
      await tx.table('postFacts').bulkAdd(facts);
    }
  },
};
