import { describe, expect, it } from 'vitest';

import type { Code, Coder, Coding } from '@shared/model/records';
import { EMPTY_CODE_FIELDS } from '@shared/model/records';
import { byPostThenPosition } from '@shared/project/queries/workspace-reads';

import { deriveMarginEntries, NOTHING_KEPT } from '../features/threads/margin/margin-entries';
import type { JournalEntry } from '@shared/project/journal-entry';

import { changesOf, codingsOfPost, groupByPost, regroupPosts } from './codings-by-post';
import { patchThreadCodings, postsTouched } from './use-thread-codings';

const coding = (id: string, postId: string, start: number): Coding =>
  ({ id, postId, threadId: 't', codeId: 'c', coderId: 'ann', start, end: start + 3, quote: 'abc', memo: '' }) as unknown as Coding;

/** The naive answer: every post's codings picked out of the array by a filter. */
function naive(codings: readonly Coding[]): Map<string, Coding[]> {
  const posts = [...new Set(codings.map((c) => c.postId))];
  return new Map(posts.map((p) => [p, codings.filter((c) => c.postId === p)]));
}

const sorted = (codings: Coding[]) => [...codings].sort(byPostThenPosition);

describe('codings by post, regrouped for the coded posts only', () => {
  const start = sorted(['p1', 'p2', 'p3', 'p10', 'p4'].flatMap((p, i) => [coding(`${p}-a`, p, i), coding(`${p}-b`, p, i + 5)]));

  it('finds a post’s codings by binary search, none for a post without any', () => {
    expect(codingsOfPost(start, 'p10').map((c) => c.id)).toEqual(['p10-a', 'p10-b']);
    expect(codingsOfPost(start, 'p4').map((c) => c.id)).toEqual(['p4-a', 'p4-b']);
    expect(codingsOfPost(start, 'p0')).toEqual([]);
    expect(codingsOfPost(start, 'p9')).toEqual([]);
  });

  it('equals a whole regrouping after adds and removals, and keeps every other post’s array', () => {
    let codings = start;
    let map = groupByPost(codings);
    const steps: { add?: Coding; remove?: string }[] = [
      { add: coding('new-1', 'p2', 1) },
      { remove: 'p3-a' },
      { add: coding('new-2', 'p7', 0) }, // a post coded for the first time
      { remove: 'new-2' }, // and its last coding removed
      { remove: 'p1-a' },
      { remove: 'p1-b' },
    ];
    for (const step of steps) {
      const touched = new Set<string>();
      if (step.add) {
        codings = sorted([...codings, step.add]);
        touched.add(step.add.postId);
      }
      if (step.remove) {
        touched.add(codings.find((c) => c.id === step.remove)!.postId);
        codings = codings.filter((c) => c.id !== step.remove);
      }
      const next = regroupPosts(map, codings, touched);
      expect(next).toEqual(naive(codings));
      for (const [postId, list] of next) if (!touched.has(postId)) expect(list).toBe(map.get(postId));
      expect(changesOf(next)).toEqual({ from: map, posts: touched });
      map = next;
    }
    expect(map.has('p1')).toBe(false);
    expect(map.has('p7')).toBe(false);
  });

  it('derives the margin again for the coded post only, the same as deriving it whole', () => {
    const codes = new Map<string, Code>([['c', { ...EMPTY_CODE_FIELDS, id: 'c', name: 'Claim', color: '#1f77b4', parentId: null } as unknown as Code]]);
    const coders = new Map<string, Coder>([['ann', { id: 'ann', name: 'Ann' } as Coder]]);
    const before = groupByPost(start);
    const first = deriveMarginEntries(NOTHING_KEPT, before, codes, coders);
    const codings = sorted([...start, coding('new', 'p2', 2)]);
    const after = regroupPosts(before, codings, new Set(['p2']));
    const patched = deriveMarginEntries(first, after, codes, coders);
    expect(patched.out).toEqual(deriveMarginEntries(NOTHING_KEPT, after, codes, coders).out);
    expect(patched.out.get('p2')!.map((e) => e.codingId)).toEqual(['p2-a', 'new', 'p2-b']);
    for (const postId of ['p1', 'p3', 'p4', 'p10']) expect(patched.out.get(postId)).toBe(first.out.get(postId));
    expect(changesOf(patched.out)?.posts).toEqual(new Set(['p2']));
  });
});

describe('a coding’s journal entry patched into the thread’s codings', () => {
  const entry = (changes: { id: string; before: Coding | null; after: Coding | null }[]): JournalEntry =>
    ({ id: 'e', seq: 2, changes: changes.map((c) => ({ table: 'codings', ...c })), addedPosts: [] }) as unknown as JournalEntry;
  const codings = sorted(['p1', 'p2', 'p3'].flatMap((p) => [coding(`${p}-a`, p, 0), coding(`${p}-b`, p, 4)]));

  it('removes by the record before and inserts the record after in order, naming the posts touched', () => {
    const moved = { ...coding('p1-a', 'p3', 2) };
    const e = entry([{ id: 'p1-a', before: codings[0]!, after: moved }]);
    const patched = patchThreadCodings(codings, e, 't');
    expect(patched.map((c) => c.id)).toEqual(['p1-b', 'p2-a', 'p2-b', 'p3-a', 'p1-a', 'p3-b']);
    expect(codings).toHaveLength(6); // the array before is left as it was
    expect(postsTouched(e)).toEqual(new Set(['p1', 'p3']));
  });

  it('still removes a coding whose record before is not where it says (by id)', () => {
    const stale = { ...codings[2]!, start: 99 };
    expect(patchThreadCodings(codings, entry([{ id: stale.id, before: stale, after: null }]), 't').map((c) => c.id)).toEqual(['p1-a', 'p1-b', 'p2-b', 'p3-a', 'p3-b']);
  });

  it('gives the same array for another thread’s coding', () => {
    const other = { ...coding('x', 'p9', 0), threadId: 'u' } as Coding;
    expect(patchThreadCodings(codings, entry([{ id: 'x', before: null, after: other }]), 't')).toBe(codings);
  });
});
