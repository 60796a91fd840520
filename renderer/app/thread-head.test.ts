import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { codingsOfThreadInOrder } from '@shared/project/queries/workspace-reads';

import { importBundle } from '../db/bundle-io';
import type { ThreadmarkDB } from '../db/database';
import { PAGE_SIZE } from '../db/post-store';
import { storeOf } from '../db/run-in-project';
import { freshDb, sampleBundle, testClock } from '../db/testing/test-support';
import { HEAD_POSTS, readThreadHead } from './thread-head';

let db: ThreadmarkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const whole = (threadId: string) =>
  storeOf(db).read(async (reader) => ({ posts: await reader.postsOfThread(threadId), codings: await codingsOfThreadInOrder(reader, threadId) }));

/** The sample, its first thread grown past two pages of posts, a coding on every 8th reply. */
function bigBundle() {
  const bundle = sampleBundle();
  const root = bundle.posts.find((p) => p.id === 'p-b1')!;
  for (let i = 0; i < 2 * PAGE_SIZE + 100; i++) {
    const id = `p-x${i}`;
    bundle.posts.push({ ...root, id, parentId: i % 3 === 0 ? 'p-b1' : `p-x${i - 1}`, text: `reply ${i} ✓`, platformId: `native-${id}` });
    if (i % 8 === 0) {
      const at = '2025-01-05T00:00:00.000Z';
      bundle.codings.push({ id: `k-x${i}`, postId: id, codeId: 'c-agree', coderId: i % 16 === 0 ? 'coder-ana' : 'coder-ben', start: 0, end: 5, quote: 'reply', memo: '', createdAt: at, updatedAt: at });
    }
  }
  return bundle;
}

describe('the thread head (its first screen before the whole read)', () => {
  it('is the first posts of a long thread in reading order, with exactly those posts’ codings in the whole read’s order', async () => {
    await importBundle(db, bigBundle(), { clock: testClock() });
    const all = await whole('t-b');
    expect(all.posts.length).toBeGreaterThan(2 * PAGE_SIZE);

    const head = await readThreadHead(db, 't-b');
    expect(head.threadId).toBe('t-b');
    expect(head.posts).toEqual(all.posts.slice(0, HEAD_POSTS));
    const shown = new Set(head.posts.map((p) => p.id));
    const expected = all.codings.filter((c) => shown.has(c.postId));
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(all.codings.length);
    expect(head.codings).toEqual(expected);
  });

  it('is the whole thread when it is that short, and empty for a thread that does not exist', async () => {
    await importBundle(db, sampleBundle(), { clock: testClock() });
    for (const threadId of ['t-a', 't-b']) {
      const head = await readThreadHead(db, threadId);
      expect({ posts: head.posts, codings: head.codings }).toEqual(await whole(threadId));
    }
    expect(await readThreadHead(db, 't-none')).toEqual({ threadId: 't-none', posts: [], codings: [] });
  });
});
