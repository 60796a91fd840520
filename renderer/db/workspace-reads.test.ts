import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { threadSummaries } from '@shared/project/queries/workspace-reads';

import { importBundle } from './bundle-io';
import type { ThreadmarkDB } from './database';
import { storeOf } from './run-in-project';
import { freshDb, sampleBundle, testClock } from './testing/test-support';

// The workspace's reads (shared/project/queries/workspace-reads.ts) through the Dexie adapter.
const listThreads = (db: ThreadmarkDB) => storeOf(db).read(threadSummaries);
const postsOfThread = (db: ThreadmarkDB, threadId: string) => storeOf(db).read((reader) => reader.postsOfThread(threadId));
const getProject = (db: ThreadmarkDB) => storeOf(db).read((reader) => reader.project());

let db: ThreadmarkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('workspace reads', () => {
  it('is empty on a new database', async () => {
    expect(await listThreads(db)).toEqual([]);
    expect(await getProject(db)).toBeUndefined();
    expect(await postsOfThread(db, 't-b')).toEqual([]);
  });

  it('counts each thread’s posts with at least one coding, from the indexes, as the memory store does', async () => {
    const bundle = sampleBundle();
    await importBundle(db, bundle, { clock: testClock() });
    const expected = new Map<string, Set<string>>();
    for (const c of bundle.codings) {
      const threadId = bundle.posts.find((p) => p.id === c.postId)!.threadId;
      expected.set(threadId, (expected.get(threadId) ?? new Set()).add(c.postId));
    }
    expect(expected.size).toBeGreaterThan(0);
    const counted = await storeOf(db).read((reader) => reader.codedPostCounts());
    expect(counted).toEqual(new Map([...expected].map(([threadId, posts]) => [threadId, posts.size])));
  });

  it('counts codings per code, and per code and coder, as a naive count of the same codings does (three coders, uneven shares)', async () => {
    const bundle = sampleBundle();
    bundle.coders.push({ id: 'coder-cy', name: 'Cy' });
    const coders = ['coder-ana', 'coder-ben', 'coder-ben', 'coder-cy', 'coder-ben'];
    for (let i = 0; i < 60; i++) {
      const post = bundle.posts[i % bundle.posts.length]!;
      const at = '2025-01-05T00:00:00.000Z';
      bundle.codings.push({ id: `g-${i}`, postId: post.id, codeId: bundle.codes[(i * 7) % bundle.codes.length]!.id, coderId: coders[i % coders.length]!, start: 0, end: 1, quote: [...post.text][0]!, memo: '', createdAt: at, updatedAt: at });
    }
    await importBundle(db, bundle, { clock: testClock() });
    const naive = new Map<string, Map<string, number>>();
    for (const c of bundle.codings) {
      const byCoder = naive.get(c.codeId) ?? new Map<string, number>();
      naive.set(c.codeId, byCoder.set(c.coderId, (byCoder.get(c.coderId) ?? 0) + 1));
    }
    const [byCode, byCodeAndCoder] = await storeOf(db).read((reader) => Promise.all([reader.codingCountsByCode(), reader.codingCountsByCodeAndCoder()]));
    expect(byCodeAndCoder).toEqual(naive);
    expect(byCode).toEqual(new Map([...naive].map(([codeId, byCoder]) => [codeId, [...byCoder.values()].reduce((a, b) => a + b, 0)])));
  });

  it('lists threads by import time with post counts, and posts in reading order without seq', async () => {
    const bundle = sampleBundle();
    await importBundle(db, bundle, { clock: testClock() });
    expect((await listThreads(db)).map((t) => [t.id, t.postCount])).toEqual([
      ['t-b', 3],
      ['t-a', 1],
    ]);
    const posts = await postsOfThread(db, 't-b');
    expect(posts.map((p) => p.id)).toEqual(['p-b1', 'p-b3', 'p-b2']);
    expect(posts).toEqual(bundle.posts.filter((p) => p.threadId === 't-b'));
    // Written by the import, so stamped with its time.
    expect(await getProject(db)).toEqual({ ...bundle.project, updatedAt: '2025-01-01T00:00:00.000Z' });
  });

  it('appends posts imported later after the thread’s existing ones', async () => {
    const bundle = sampleBundle();
    await importBundle(db, bundle);
    const late = { ...bundle.posts[1]!, id: 'p-b0', text: 'late reply' };
    await importBundle(db, { ...bundle, posts: [late, ...bundle.posts] });
    expect((await postsOfThread(db, 't-b')).map((p) => p.id)).toEqual(['p-b1', 'p-b3', 'p-b2', 'p-b0']);
  });
});
