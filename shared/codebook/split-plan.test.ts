import { describe, expect, it } from 'vitest';

import { formatCodebookProblem } from './codebook-problem';
import { code, coding, tree } from './plan-fixtures.test-helpers';
import { planSplit } from './split-plan';

const codings = () => [coding('k1', 'a1', 'ana', 'p', 0, 5), coding('k2', 'a1', 'ben', 'p', 0, 5), coding('k3', 'a1', 'ana', 'q', 1, 2), coding('k9', 'b', 'ana', 'p', 0, 5)];
const problemOf = (r: ReturnType<typeof planSplit>): string => (r.ok ? 'no problem' : formatCodebookProblem(r.error));

describe('planSplit', () => {
  it('creates the new code right after the source, shifting later siblings, and moves the chosen codings', () => {
    const codes = tree().map((c) => (c.id === 'a1' ? { ...c, exemplarCodingIds: ['k1', 'k3'] } : c));
    const result = planSplit(codes, codings(), 'a1', ['k1', 'k2'], { id: 'new', name: ' Strong A1 ', color: '#112233', definition: 'Stronger.' });
    if (!result.ok) throw new Error(formatCodebookProblem(result.error));
    const plan = result.value;
    expect(plan.code).toMatchObject({ id: 'new', name: 'Strong A1', parentId: 'a', order: 1, definition: 'Stronger.', codable: true, exemplarCodingIds: ['k1'] });
    expect(plan.source.exemplarCodingIds).toEqual(['k3']);
    expect(plan.shifted.map((c) => [c.id, c.order])).toEqual([['a2', 2]]);
    expect(plan.move.map((c) => c.id)).toEqual(['k1', 'k2']);
    expect(plan.summary).toBe('Split “A1”: 2 of its 3 codings moved to the new code “Strong A1”');
  });

  it('places the new code last when the source is last', () => {
    const result = planSplit(tree(), [coding('k', 'c', 'ana', 'p', 0, 1)], 'c', ['k'], { id: 'n', name: 'N', color: '#000000' });
    expect(result.ok && [result.value.code.parentId, result.value.code.order, result.value.shifted]).toEqual([null, 3, []]);
  });

  it('refuses codings of another code, an empty choice, a taken or empty name, and a category-only new code', () => {
    const newCode = { id: 'n', name: 'N', color: '#000000' };
    expect(problemOf(planSplit(tree(), codings(), 'a1', ['k9'], newCode))).toBe('code “A1” (id a1) codings: coding k9 is not one of its codings');
    expect(problemOf(planSplit(tree(), codings(), 'a1', [], newCode))).toBe('code “A1” (id a1) codings: choose at least one of its codings to move to the new code');
    expect(problemOf(planSplit(tree(), codings(), 'a1', ['k1'], { ...newCode, name: 'a2' }))).toBe(
      'code “A1” (id a1) name: the new code cannot be named “a2”: a code named “A2” is already next to it',
    );
    expect(problemOf(planSplit(tree(), codings(), 'a1', ['k1'], { ...newCode, name: '  ' }))).toBe('code “A1” (id a1) name: the new code needs a name');
    expect(problemOf(planSplit(tree(), codings(), 'a1', ['k1'], { ...newCode, codable: false }))).toMatch(/codable: the new code receives codings/);
    expect(problemOf(planSplit(tree(), codings(), 'nope', ['k1'], newCode))).toBe('code nope id: unknown code: nothing to split');
    expect(problemOf(planSplit([...tree(), code('n', null, 9)], codings(), 'a1', ['k1'], newCode))).toBe('code n id: a code with this id already exists');
  });
});
