import { describe, expect, it } from 'vitest';

import type { SearchRequest } from '@shared/analysis/search/search-request';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { post, T0, thread } from '@shared/project/testing/core-fixtures.test-helpers';

import { memoryIndexStore } from './search-session.test-helpers';
import { SearchSession } from './search-session';

const project = (threads: string[]) =>
  new MemoryProjectStore({
    project: { id: 'project-1', name: 'Test', createdAt: T0 },
    threads: threads.map((t) => thread(t, `${t}-p1`)),
    posts: threads.flatMap((t) => [post(`${t}-p1`, `shared words in ${t}`, null, t), post(`${t}-p2`, `more from ${t}`, `${t}-p1`, t)]),
  });

const threadsHit = async (session: SearchSession, request: SearchRequest) => {
  const r = await session.search(request);
  if (!r.ok) throw new Error(r.error.message);
  return [...new Set(r.value.hits.map((h) => h.threadId))];
};

describe('SearchSession keeps the index current', () => {
  it('builds once, then restores from the kept index and indexes only what changed', async () => {
    const kept = memoryIndexStore();
    const before = ['t-a', 't-b', 't-c', 't-d', 't-e'];
    const first = new SearchSession(project(before), kept);
    expect(await first.ensure()).toEqual({ how: 'built', posts: 10 });
    expect(await first.ensure()).toEqual({ how: 'current', posts: 10 });
    expect(kept.saves).toBe(1);

    // Another session (the app reopened) on the same posts: restored, texts given back, nothing saved.
    const same = new SearchSession(project(before), kept);
    expect(await same.ensure()).toEqual({ how: 'restored', posts: 10 });
    expect(await threadsHit(same, { query: '"shared words"' })).toEqual(before);
    expect(kept.saves).toBe(1);

    // t-e deleted and t-f imported meanwhile: only t-f is indexed, t-e no longer found.
    const progress: number[] = [];
    const changed = new SearchSession(project(['t-a', 't-b', 't-c', 't-d', 't-f']), kept);
    expect(await changed.ensure((p) => progress.push(p.done))).toEqual({ how: 'restored', posts: 12 });
    expect(progress).toEqual([1, 2, 3, 4, 5]); // four threads given their texts back, then t-f indexed
    expect(await threadsHit(changed, { query: 'shared' })).toEqual(['t-a', 't-b', 't-c', 't-d', 't-f']);
    expect(kept.saves).toBe(2);

    // Once more than a fifth of the indexed posts are gone, the index is built afresh.
    const shrunk = new SearchSession(project(['t-a', 't-b']), kept);
    expect(await shrunk.ensure()).toEqual({ how: 'built', posts: 4 });
  });

  it('a bad query is a Problem, and the session keeps working', async () => {
    const session = new SearchSession(project(['t-a']), memoryIndexStore());
    const bad = await session.search({ query: '(', regex: true });
    expect(bad.ok ? null : bad.error.message).toMatch(/the regular expression is invalid/);
    expect(await threadsHit(session, { query: 'more' })).toEqual(['t-a']);
  });
});
