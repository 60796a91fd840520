import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import { ThreadmarkDB } from '../database';
import { allPosts, getPost, postsOfThreadInOrder, storedPlatformIds } from '../post-store';
import { threadSummaries } from '@shared/project/queries/workspace-reads';

import { dexieReader } from '../dexie-project-store';

import { MIGRATIONS } from '.';

let name: string;
const UP_TO_3 = MIGRATIONS.slice(0, 3);

/** A version-2 post row: one row per post, with its reading position `seq`. */
function v2Post(threadId: string, seq: number, createdAt: string | null = `2024-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`) {
  return {
    id: `${threadId}-p${seq}`,
    threadId,
    seq,
    parentId: seq === 0 ? null : `${threadId}-p0`,
    author: `u${seq}`,
    createdAt,
    text: `post ${seq} of ${threadId} 👩‍👩‍👧`,
    platform: 'reddit',
    platformId: `${threadId}${seq}`,
    url: null,
    meta: { score: seq },
  };
}

/** A database the version-2 app left: a 1,203-post thread (stored out of order), a 2-post thread, an empty one. */
async function v2Database(): Promise<void> {
  name = `threadmark-0003-${crypto.randomUUID()}`;
  const v2 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 2));
  await v2.open();
  const thread = (id: string) => ({ id, title: id, platform: 'reddit', rootPostId: `${id}-p0`, importedAt: '2024-01-01T00:00:00.000Z', source: 'x' });
  await v2.table('threads').bulkAdd([thread('big'), thread('small'), thread('empty')]);
  const big = Array.from({ length: 1203 }, (_, i) => v2Post('big', i)).reverse();
  await v2.table('posts').bulkAdd([...big, v2Post('small', 1), v2Post('small', 0, null)]);
  v2.close();
}

afterEach(async () => {
  await new ThreadmarkDB(name, UP_TO_3).delete();
});

describe('migration 3: posts in pages', () => {
  it('moves every post into pages of its thread, in reading order, without seq', async () => {
    await v2Database();
    const db = new ThreadmarkDB(name, UP_TO_3);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('posts');
    const pages = await db.postPages.where('[threadId+page]').between(['big', 0], ['big', Infinity]).toArray();
    expect(pages.map((p) => [p.page, p.posts.length])).toEqual([
      [0, 500],
      [1, 500],
      [2, 203],
    ]);
    const big = await postsOfThreadInOrder(db, 'big');
    expect(big.map((p) => p.id)).toEqual(Array.from({ length: 1203 }, (_, i) => `big-p${i}`));
    const { seq, ...expected } = v2Post('big', 7);
    void seq;
    expect(big[7]).toEqual(expected);
    expect((await postsOfThreadInOrder(db, 'small')).map((p) => p.id)).toEqual(['small-p0', 'small-p1']);
    expect(await allPosts(db)).toHaveLength(1205);
    expect(await getPost(db, 'big-p1000')).toMatchObject({ text: 'post 1000 of big 👩‍👩‍👧' });
    const existing = await storedPlatformIds(db, ['reddit']);
    expect(existing.hasPost('reddit', 'big1202')).toBe(true);
    expect(existing.hasPost('reddit', 'nope')).toBe(false);
    db.close();
  });

  it('gives every thread its post count and start, so the thread list reads no posts', async () => {
    await v2Database();
    const db = new ThreadmarkDB(name, UP_TO_3);
    await db.open();
    const threads = await threadSummaries(dexieReader(db));
    expect(threads.map((t) => [t.id, t.postCount, t.startedAt])).toEqual([
      ['big', 1203, '2024-01-01T00:00:00.000Z'],
      ['empty', 0, null],
      ['small', 2, '2024-01-01T00:00:01.000Z'],
    ]);
    db.close();
  });
});
