import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importBundle } from './bundle-io';
import type { ThreadmarkDB } from './database';
import { allPosts, PAGE_SIZE } from './post-store';
import { freshDb, sampleBundle, testClock } from './testing/test-support';

let db: ThreadmarkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('allPosts', () => {
  it('reads every page in bounded requests, in the same order as one read of all pages', async () => {
    const bundle = sampleBundle();
    const root = bundle.posts.find((p) => p.id === 'p-b1')!;
    for (let i = 0; i < 2 * PAGE_SIZE + 7; i++) bundle.posts.push({ ...root, id: `p-x${i}`, parentId: 'p-b1', text: `reply ${i}`, platformId: `native-x${i}` });
    await importBundle(db, bundle, { clock: testClock() });
    const naive = (await db.postPages.toArray()).flatMap((page) => page.posts);
    expect(await db.postPages.count()).toBe(4);
    expect(naive).toHaveLength(bundle.posts.length);
    for (const pagesPerRead of [1, 2, 3, 4, 5, 40]) expect(await allPosts(db, pagesPerRead)).toEqual(naive);
  });

  it('is empty for a project without posts', async () => {
    expect(await allPosts(db, 1)).toEqual([]);
  });
});
