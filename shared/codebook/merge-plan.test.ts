import { describe, expect, it } from 'vitest';

import { formatCodebookProblem } from './codebook-problem';
import { planMerge } from './merge-plan';
import { code, coding, tree } from './plan-fixtures.test-helpers';

const problemOf = (r: ReturnType<typeof planMerge>): string => (r.ok ? 'no problem' : formatCodebookProblem(r.error));

describe('planMerge', () => {
  it('recodes the sources’ codings and collapses identical spans of the same coder', () => {
    const codes = tree();
    const codings = [
      coding('t1', 'c', 'ana', 'p1', 0, 5),
      coding('s1', 'b', 'ana', 'p1', 0, 5, 'a memo'), // same coder and span as t1: collapses
      coding('s2', 'b', 'ben', 'p1', 0, 5), // other coder: moves
      coding('s3', 'b', 'ana', 'p1', 0, 6), // other end: moves
      coding('s4', 'a1', 'ben', 'p1', 0, 5), // identical to s2, from a second source: collapses
      coding('x1', 'a2', 'ana', 'p1', 0, 5), // not involved
    ];
    const result = planMerge(codes, codings, ['b', 'a1'], 'c');
    if (!result.ok) throw new Error(formatCodebookProblem(result.error));
    const plan = result.value;
    expect(plan.recode.map((c) => c.id)).toEqual(['s2', 's3']);
    expect(plan.collapse.map((c) => [c.coding.id, c.keptCodingId])).toEqual([
      ['s1', 't1'],
      ['s4', 's2'],
    ]);
    expect(plan.deleteCodes.map((c) => c.id)).toEqual(['b', 'a1']);
    expect(plan.counts).toEqual({ recoded: 2, collapsed: 2, collapsedWithMemo: 1, deletedCodes: 2, movedChildren: 0 });
    expect(plan.summary).toBe('Merged “B” and “A1” into “C”: 2 codings moved to “C”; 2 identical codings collapsed into the one kept, 1 of them with a memo');
  });

  it('re-parents the sources’ children under the target, after its own children', () => {
    const codes = [...tree(), code('c1', 'c', 0)];
    const result = planMerge(codes, [], ['a'], 'c');
    if (!result.ok) throw new Error(formatCodebookProblem(result.error));
    expect(result.value.reparent.map((c) => [c.id, c.parentId, c.order])).toEqual([
      ['a1', 'c', 1],
      ['a2', 'c', 2],
    ]);
    expect(result.value.summary).toBe('Merged “A” into “C”: 0 codings moved to “C”; 2 sub-codes moved under “C”');
  });

  it('moves the children of a source nested in another source, not the nested source itself', () => {
    const result = planMerge(tree(), [], ['a', 'a2'], 'b');
    expect(result.ok && result.value.reparent.map((c) => [c.id, c.parentId])).toEqual([
      ['a1', 'b'],
      ['a2x', 'b'],
    ]);
  });

  it('keeps exemplars (a collapsed one through the coding it collapsed into) and gathers examples', () => {
    const codes = [
      code('s', null, 0, { exemplarCodingIds: ['s1', 's2'], examples: ['one', 'shared'] }),
      code('t', null, 1, { exemplarCodingIds: ['t0'], examples: ['shared'] }),
    ];
    const codings = [coding('t0', 't', 'ana', 'p', 9, 10), coding('t1', 't', 'ana', 'p', 0, 5), coding('s1', 's', 'ana', 'p', 0, 5), coding('s2', 's', 'ana', 'p', 1, 5)];
    const result = planMerge(codes, codings, ['s'], 't');
    expect(result.ok && result.value.target).toMatchObject({ exemplarCodingIds: ['t0', 't1', 's2'], examples: ['shared', 'one'] });
  });

  it('refuses unknown codes, an empty choice, a code into itself or into its own sub-code', () => {
    expect(problemOf(planMerge(tree(), [], ['b'], 'nope'))).toBe('code nope id: unknown code: nothing to merge into');
    expect(problemOf(planMerge(tree(), [], ['nope'], 'b'))).toBe('code nope id: unknown code: cannot merge it');
    expect(problemOf(planMerge(tree(), [], [], 'b'))).toBe('code “B” (id b) id: choose at least one code to merge into it');
    expect(problemOf(planMerge(tree(), [], ['b'], 'b'))).toBe('code “B” (id b) id: cannot merge a code into itself');
    expect(problemOf(planMerge(tree(), [], ['a'], 'a2x'))).toBe('code “A” (id a) id: cannot merge it into its own sub-code “A2X”');
  });

  it('refuses to move codings to a category-only target, and sub-codes that would share a name', () => {
    const codes = tree().map((c) => (c.id === 'c' ? { ...c, codable: false } : c));
    expect(problemOf(planMerge(codes, [coding('s', 'b', 'ana', 'p', 0, 1)], ['b'], 'c'))).toBe(
      'code “C” (id c) codable: is category-only: the 1 coding of the merged codes cannot move to it',
    );
    expect(planMerge(codes, [], ['b'], 'c').ok).toBe(true);
    const clashing = [...tree(), code('c1', 'c', 0, { name: 'a1' })];
    expect(problemOf(planMerge(clashing, [], ['a'], 'c'))).toBe(
      'code “A1” (id a1) name: a code named “a1” would then be next to it under “C”: rename one of them first',
    );
  });
});
