import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { addCoding } from '@shared/project/operations/codings';

import { allPosts } from '../db/post-store';
import { openSampleProject } from '../db/testing/sample-project';
import { readFirstScreen, sameOr } from './first-screen';

describe('the first screen read as the project opens', () => {
  it('holds every thread with its post count (counted here from the posts), the codebook and the coders', async () => {
    const { db, run } = await openSampleProject();
    await run(addCoding, { postId: 'p-b1', codeId: 'c-agree', start: 0, end: 1 });
    const first = await readFirstScreen(db);

    const posts = await allPosts(db);
    const threads = await db.threads.toArray();
    expect(first.threads.map((t) => t.id).sort()).toEqual(threads.map((t) => t.id).sort());
    for (const t of first.threads) expect(t.postCount).toBe(posts.filter((p) => p.threadId === t.id).length);
    expect(first.threads.reduce((n, t) => n + t.postCount, 0)).toBe(posts.length);
    expect(first.codes.map((c) => c.id).sort()).toEqual((await db.codes.toArray()).map((c) => c.id).sort());
    expect(first.coders.map((c) => c.name)).toEqual((await db.coders.toArray()).map((c) => c.name).sort((a, b) => a.localeCompare(b)));
  });
});

describe('sameOr: a live answer repeating what is shown keeps the shown array', () => {
  const a = [{ id: 't1', postCount: 2, startedAt: null }, { id: 't2', postCount: 5, startedAt: '2026-01-01' }];
  it('gives the shown array for the same records in new objects', () => {
    expect(sameOr(a, a.map((t) => ({ ...t })))).toBe(a);
    expect(sameOr(undefined, a)).toBe(a);
  });
  it('gives the new array when a field, the order or the length differs', () => {
    const counted = [a[0]!, { ...a[1]!, postCount: 6 }];
    expect(sameOr(a, counted)).toBe(counted);
    const reversed = [...a].reverse();
    expect(sameOr(a, reversed)).toBe(reversed);
    const longer = [...a, { id: 't3', postCount: 0, startedAt: null }];
    expect(sameOr(a, longer)).toBe(longer);
    const extraField = [a[0]!, { ...a[1]!, memo: 'x' }];
    expect(sameOr(a, extraField)).toBe(extraField);
  });
  it('compares nested values by content (a code’s arrays and objects)', () => {
    const codes = [{ id: 'c1', tags: ['x'], meta: { n: 1 } }];
    expect(sameOr(codes, [{ id: 'c1', tags: ['x'], meta: { n: 1 } }])).toBe(codes);
    const changed = [{ id: 'c1', tags: ['y'], meta: { n: 1 } }];
    expect(sameOr(codes, changed)).toBe(changed);
  });
});
