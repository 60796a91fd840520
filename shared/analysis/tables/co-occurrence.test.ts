import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code, type Coding } from '../../model/records';
import { MemoryProjectStore } from '../../project/memory-store';
import { buildCoOccurrence, coOccurrence } from './co-occurrence';
import { filteredCodings, naiveTogether, naiveUnits } from './naive-counts.test-helpers';
import { randomTableProject, tableInputOf } from './random-project.test-helpers';
import { CO_OCCURRENCE_BYS } from './table-options';

const T0 = '2025-01-01T00:00:00.000Z';
const code = (id: string, order: number): Code => ({ id, name: id.toUpperCase(), parentId: null, color: '#000000', order, ...EMPTY_CODE_FIELDS });
const coding = (id: string, threadId: string, postId: string, codeId: string, start: number, end: number, coderId = 'ada'): Coding => ({ id, postId, threadId, codeId, coderId, start, end, quote: 'x'.repeat(end - start), memo: '', createdAt: T0, updatedAt: T0 });

/**
 * p1: A [0,5) and B [5,9) touch without sharing a code point; A [0,5) and C [4,6) overlap twice over
 * (A [2,5) too): one post. p2: A and B overlap. p3 (thread 2): B and C, apart.
 */
const store = () =>
  new MemoryProjectStore({
    codes: [code('a', 0), code('b', 1), code('c', 2)],
    codings: [
      coding('1', 't1', 'p1', 'a', 0, 5),
      coding('2', 't1', 'p1', 'a', 2, 5),
      coding('3', 't1', 'p1', 'b', 5, 9),
      coding('4', 't1', 'p1', 'c', 4, 6, 'ben'),
      coding('5', 't1', 'p2', 'a', 1, 3),
      coding('6', 't1', 'p2', 'b', 2, 4),
      coding('7', 't2', 'p3', 'b', 0, 1),
      coding('8', 't2', 'p3', 'c', 3, 4),
    ],
  });

describe('coOccurrence', () => {
  it('overlap: posts where the spans share a code point, once per post; the diagonal is posts with the code', async () => {
    const m = await store().read((r) => coOccurrence(r, { by: 'overlap', measure: 'count' }));
    expect(m.codes.map((c) => c.codeId)).toEqual(['a', 'b', 'c']);
    expect(m.counts).toEqual([
      [2, 1, 1],
      [1, 3, 1],
      [1, 1, 2],
    ]);
    expect(m.values).toBe(m.counts);
  });

  it('post and thread: units holding both', async () => {
    const post = await store().read((r) => coOccurrence(r, { by: 'post', measure: 'count' }));
    expect(post.counts).toEqual([
      [2, 2, 1],
      [2, 3, 2],
      [1, 2, 2],
    ]);
    const thread = await store().read((r) => coOccurrence(r, { by: 'thread', measure: 'count' }));
    expect(thread.counts).toEqual([
      [1, 1, 1],
      [1, 2, 2],
      [1, 2, 2],
    ]);
    expect(thread.threadsOf).toEqual([['t1'], ['t1', 't2'], ['t1', 't2']]);
  });

  it('Jaccard: both over either, 1 on the diagonal, null for codes never used', async () => {
    const m = await new MemoryProjectStore({ codes: [code('a', 0), code('b', 1), code('z', 2)], codings: [coding('1', 't', 'p1', 'a', 0, 2), coding('2', 't', 'p1', 'b', 0, 2), coding('3', 't', 'p2', 'a', 0, 2), coding('4', 't', 'p3', 'b', 0, 2)] }).read((r) =>
      coOccurrence(r, { by: 'post', measure: 'jaccard' }),
    );
    expect(m.values).toEqual([
      [1, 1 / 3, 0],
      [1 / 3, 1, 0],
      [0, 0, null],
    ]);
  });

  it('a coder filter counts only those coders’ codings', async () => {
    const m = await store().read((r) => coOccurrence(r, { by: 'overlap', measure: 'count', coderIds: ['ada'] }));
    expect(m.counts[0]).toEqual([2, 1, 0]);
    expect(m.coderIds).toEqual(['ada']);
  });

  it('every figure of random projects equals a naive count of units (each unit, both measures, coder filters)', () => {
    for (let seed = 1; seed <= 15; seed++) {
      // The last seeds crowd dozens of codings into two posts (long overlap sweeps).
      const project = randomTableProject(seed, seed > 12 ? { threads: 1, postsPerThread: 2, codings: 80 } : { codings: 50 });
      const input = tableInputOf(project);
      for (const by of CO_OCCURRENCE_BYS) {
        for (const coderIds of [undefined, ['c-ben']]) {
          const counts = buildCoOccurrence(input, { by, measure: 'count', coderIds });
          const jaccard = buildCoOccurrence(input, { by, measure: 'jaccard', coderIds });
          const codings = filteredCodings(project, coderIds);
          counts.codes.forEach((a, i) => {
            const unitsA = naiveUnits(codings, a.codeId, by);
            expect(counts.units[i]).toBe(unitsA.size);
            counts.codes.forEach((b, j) => {
              const where = `seed ${seed}, ${by}, ${a.path} × ${b.path}`;
              const both = i === j ? unitsA : naiveTogether(codings, a.codeId, b.codeId, by);
              const either = new Set([...unitsA, ...naiveUnits(codings, b.codeId, by)]);
              expect(counts.values[i]![j], where).toBe(both.size);
              expect(counts.values[i]![j], where).toBe(counts.values[j]![i]);
              if (either.size === 0) expect(jaccard.values[i]![j], where).toBeNull();
              else expect(jaccard.values[i]![j], where).toBeCloseTo(both.size / either.size, 12);
            });
          });
        }
      }
    }
  });
});
