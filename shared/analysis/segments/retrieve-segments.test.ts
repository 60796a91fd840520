import { describe, expect, it } from 'vitest';

import type { Coding, Post } from '../../model/records';
import { MemoryProjectStore } from '../../project/memory-store';
import { code, post, T0, thread } from '../../project/testing/core-fixtures.test-helpers';
import { CODERS, CODES, randomProject, seeded } from './segments-fixture.test-helpers';
import { retrieveSegments, segmentRows, selectSegments } from './retrieve-segments';
import type { SegmentCombination, SegmentQuery } from './segment-query';

/** Is `id` the code `root` or below it: walks parents upward (the core walks children downward). */
function under(id: string, root: string): boolean {
  for (let at: string | null | undefined = id, hops = 0; at && hops < 50; hops++) {
    if (at === root) return true;
    at = CODES.find((c) => c.id === at)?.parentId;
  }
  return false;
}

/** The retrieval written the slow, obvious way: every coding against every other, no grouping or index. */
function naive(codings: readonly Coding[], posts: readonly Post[], q: SegmentQuery): string[] {
  const inScope = (c: Coding, id: string, sub: boolean) => (sub ? under(c.codeId, id) : c.codeId === id);
  const byCoder = (c: Coding) => !q.coderIds?.length || q.coderIds.includes(c.coderId);
  const postOf = (c: Coding) => posts.find((p) => p.id === c.postId)!;
  const postOk = (c: Coding) => {
    const p = postOf(c);
    if (q.threadIds?.length && !q.threadIds.includes(c.threadId)) return false;
    if (q.authors?.length && !q.authors.includes(p.author)) return false;
    if (q.platforms?.length && !q.platforms.includes(p.platform)) return false;
    if ((q.from || q.to || q.month) && p.createdAt === null) return false;
    if (q.from && p.createdAt! < `${q.from}T00:00:00.000Z`) return false;
    if (q.to && p.createdAt!.slice(0, 10) > q.to) return false;
    if (q.month && !p.createdAt!.startsWith(`${q.month}-`)) return false;
    return true;
  };
  const related = (a: Coding, b: Coding, c: SegmentCombination) => {
    if (c.kind === 'and-same-post' || c.kind === 'not') return true;
    let shared = 0;
    for (let i = a.start; i < a.end; i++) if (i >= b.start && i < b.end) shared++;
    if (c.kind === 'overlap') return shared > 0;
    const gap = shared > 0 ? 0 : a.end <= b.start ? b.start - a.end : a.start - b.end;
    return gap <= c.within;
  };
  return codings
    .filter((a) => inScope(a, q.codeId, q.includeSubcodes) && byCoder(a) && postOk(a))
    .filter((a) => {
      const c = q.combine;
      if (!c) return true;
      const partner = codings.some((b) => b.id !== a.id && b.postId === a.postId && inScope(b, c.codeId, c.includeSubcodes) && byCoder(b) && related(a, b, c));
      return c.kind === 'not' ? !partner : partner;
    })
    .map((a) => a.id)
    .sort();
}

const CODABLE = ['c-fallacy', 'c-adhom', 'c-tuq', 'c-straw', 'c-derail', 'c-irony'];

function randomQuery(rnd: () => number): SegmentQuery {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[]): T[] | undefined => (rnd() < 0.6 ? undefined : xs.filter(() => rnd() < 0.5));
  const kinds = [undefined, 'and-same-post', 'overlap', 'near', 'not'] as const;
  const kind = pick(kinds);
  const other = { codeId: pick(CODABLE), includeSubcodes: rnd() < 0.5 };
  const combine: SegmentCombination | undefined = kind === undefined ? undefined : kind === 'near' ? { kind, ...other, within: Math.floor(rnd() * 30) } : { kind, ...other };
  const q: SegmentQuery = { codeId: pick(CODABLE), includeSubcodes: rnd() < 0.5, ...(combine ? { combine } : {}) };
  const coderIds = some(CODERS.map((c) => c.id));
  if (coderIds) q.coderIds = coderIds;
  const threadIds = some(['t-0', 't-1', 't-2', 't-3']);
  if (threadIds) q.threadIds = threadIds;
  const authors = some(['ana', 'bo', 'cy', 'di']);
  if (authors) q.authors = authors;
  const platforms = some(['reddit', 'mastodon']);
  if (platforms) q.platforms = platforms;
  const time = rnd();
  if (time < 0.15) q.month = pick(['2025-01', '2025-02', '2025-03']);
  else if (time < 0.3) q.from = pick(['2025-01-15', '2025-02-01']);
  else if (time < 0.45) q.to = pick(['2025-02-10', '2025-03-01']);
  return q;
}

describe('retrieveSegments against an independent computation', () => {
  it('finds exactly the naive answer, and counts it, for 400 random queries on 8 random projects', async () => {
    let nonEmpty = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { store, codings, posts } = randomProject(seed);
      const rnd = seeded(seed * 7919);
      for (let i = 0; i < 50; i++) {
        const q = randomQuery(rnd);
        const expected = naive(codings, posts, q);
        const result = await store.read((r) => retrieveSegments(r, q, { limit: 1_000_000 }));
        if (!result.ok) throw new Error(result.error.message);
        expect(result.value.total, JSON.stringify(q)).toBe(expected.length);
        expect(result.value.rows.map((row) => row.codingId).sort(), JSON.stringify(q)).toEqual(expected);
        if (expected.length > 0) nonEmpty++;
      }
    }
    // The queries must actually find things for the comparison to mean anything.
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it('pages: every slice is the matching part of the whole, and the total does not depend on the limit', async () => {
    const { store } = randomProject(3, { threads: 6 });
    const q: SegmentQuery = { codeId: 'c-fallacy', includeSubcodes: true };
    const all = await store.read((r) => retrieveSegments(r, q, { limit: 10_000 }));
    const page = await store.read((r) => retrieveSegments(r, q, { limit: 7, offset: 5 }));
    if (!all.ok || !page.ok) throw new Error('refused');
    expect(all.value.total).toBeGreaterThan(12);
    expect(page.value.total).toBe(all.value.total);
    expect(page.value.rows).toEqual(all.value.rows.slice(5, 12));
    const selection = await store.read((r) => selectSegments(r, q));
    if (!selection.ok) throw new Error('refused');
    expect(segmentRows(selection.value, all.value.total - 2, 10)).toHaveLength(2);
  });
});

describe('retrieveSegments rows', () => {
  const text = 'Why 👩‍👩‍👧 do you never say what they mean? '.repeat(5);
  const posts = [
    { ...post('p-1', text, null), createdAt: '2025-02-01T10:00:00.000Z' },
    { ...post('p-2', 'Short one here.', 'p-1'), createdAt: '2025-01-01T10:00:00.000Z' },
    { ...post('p-3', 'Other thread.', null, 't-2'), createdAt: null },
  ];
  const codes = [code('c-a', 'Alpha'), code('c-a1', 'Sub', { parentId: 'c-a' }), code('c-b', 'Beta', { order: 1 })];
  const coding = (id: string, postId: string, codeId: string, start: number, end: number, extra: Partial<Coding> = {}): Coding => {
    const p = posts.find((x) => x.id === postId)!;
    return { id, postId, threadId: p.threadId, codeId, coderId: 'coder-ada', start, end, quote: [...p.text].slice(start, end).join(''), memo: '', createdAt: T0, updatedAt: T0, ...extra };
  };
  const store = () =>
    new MemoryProjectStore({
      project: { id: 'p', name: 'P', createdAt: T0 },
      threads: [{ ...thread('t-2', 'p-3'), title: 'Second', importedAt: '2025-06-01T00:00:00.000Z' }, { ...thread(), title: 'First' }],
      posts,
      codes,
      coders: [{ id: 'coder-ada', name: 'Ada' }],
      codings: [
        coding('k-1', 'p-1', 'c-a', 100, 110, { memo: 'why here' }),
        coding('k-2', 'p-1', 'c-b', 105, 120),
        coding('k-3', 'p-2', 'c-a1', 0, 5),
        coding('k-4', 'p-3', 'c-a', 0, 5),
        coding('k-5', 'p-1', 'c-a', 0, 3),
      ],
    });

  it('orders by thread import, then post time, then position; gives quote, context in code points, paths and names', async () => {
    const result = await store().read((r) => retrieveSegments(r, { codeId: 'c-a', includeSubcodes: true }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows.map((r) => r.codingId)).toEqual(['k-3', 'k-5', 'k-1', 'k-4']);
    const row = result.value.rows[2]!;
    const chars = [...text];
    expect(row).toMatchObject({
      codingId: 'k-1',
      postId: 'p-1',
      threadId: 't-1',
      threadTitle: 'First',
      author: 'author of p-1',
      platform: 'reddit',
      postCreatedAt: '2025-02-01T10:00:00.000Z',
      codePath: 'Alpha',
      coderName: 'Ada',
      memo: 'why here',
      quote: chars.slice(100, 110).join(''),
      before: chars.slice(20, 100).join(''),
      after: chars.slice(110, 190).join(''),
      clippedBefore: true,
      clippedAfter: true,
      start: 100,
      end: 110,
    });
    expect(result.value.rows[0]).toMatchObject({ codePath: 'Alpha > Sub', before: '', after: ' one here.', clippedBefore: false, clippedAfter: false });
    expect(result.value.rows[1]!.before).toBe('');
  });

  it('names the codes of the second code that matched, and the query in words', async () => {
    const result = await store().read((r) => retrieveSegments(r, { codeId: 'c-a', includeSubcodes: false, combine: { kind: 'near', codeId: 'c-b', includeSubcodes: false, within: 0 } }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.description).toBe('Alpha within 0 characters of Beta');
    expect(result.value.rows.map((r) => [r.codingId, r.matchedCodePaths])).toEqual([['k-1', ['Beta']]]);
  });

  it('never pairs a coding with itself when both codes are the same', async () => {
    const overlap = await store().read((r) => retrieveSegments(r, { codeId: 'c-a', includeSubcodes: false, combine: { kind: 'overlap', codeId: 'c-a', includeSubcodes: false } }));
    const not = await store().read((r) => retrieveSegments(r, { codeId: 'c-a', includeSubcodes: false, combine: { kind: 'not', codeId: 'c-a', includeSubcodes: false } }));
    if (!overlap.ok || !not.ok) throw new Error('refused');
    expect(overlap.value.total).toBe(0);
    expect(not.value.rows.map((r) => r.codingId)).toEqual(['k-4']);
  });

  it.each([
    [{ codeId: 'c-nope', includeSubcodes: false }, 'codeId', 'code "c-nope" does not exist'],
    [{ codeId: 'c-a', includeSubcodes: false, combine: { kind: 'and-same-post', codeId: 'gone', includeSubcodes: false } }, 'combine.codeId', 'code "gone" does not exist'],
    [{ codeId: 'c-a', includeSubcodes: false, combine: { kind: 'near', codeId: 'c-b', includeSubcodes: false, within: -1 } }, 'combine.within', '"within" must be a whole number of characters, 0 or more (got -1)'],
    [{ codeId: 'c-a', includeSubcodes: false, from: 'yesterday' }, 'from', '"yesterday" is neither a date (2025-03-12) nor a time with its zone (2025-03-12T09:30:00Z)'],
    [{ codeId: 'c-a', includeSubcodes: false, month: '2025-13' }, 'month', '"2025-13" is not a month (YYYY-MM, e.g. 2025-03)'],
  ] as Array<[SegmentQuery, string, string]>)('refuses %j with a problem naming the field', async (query, field, message) => {
    const result = await store().read((r) => retrieveSegments(r, query));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ field, message }) });
  });

  it('reads times with their zone and whole days', async () => {
    const ids = async (q: Partial<SegmentQuery>) => {
      const result = await store().read((r) => retrieveSegments(r, { codeId: 'c-a', includeSubcodes: true, ...q }));
      if (!result.ok) throw new Error(result.error.message);
      return result.value.rows.map((r) => r.codingId);
    };
    expect(await ids({ to: '2025-01-01' })).toEqual(['k-3']);
    expect(await ids({ to: '2025-01-01T10:00:00Z' })).toEqual(['k-3']);
    expect(await ids({ to: '2025-01-01T09:59:59Z' })).toEqual([]);
    expect(await ids({ from: '2025-02-01T11:00:00+02:00' })).toEqual(['k-5', 'k-1']);
    expect(await ids({ month: '2025-02' })).toEqual(['k-5', 'k-1']);
  });
});
