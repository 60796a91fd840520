import { describe, expect, it } from 'vitest';

import type { Code } from '../model/records';
import { formatCodebookProblem } from './codebook-problem';
import { code, tree } from './plan-fixtures.test-helpers';
import { planIndent, planMove, planMoveDown, planMoveUp, planOutdent, type MoveResult } from './tree-moves';

/** The codebook after applying a plan: parent and order of every code, by id. */
function after(codes: readonly Code[], result: MoveResult): Record<string, [string | null, number]> {
  if (!result.ok) throw new Error(formatCodebookProblem(result.error));
  const changed = new Map(result.value.changed.map((c) => [c.id, c]));
  return Object.fromEntries(codes.map((c) => changed.get(c.id) ?? c).map((c) => [c.id, [c.parentId, c.order]]));
}

const problem = (result: MoveResult): string => (result.ok ? 'no problem' : formatCodebookProblem(result.error));

describe('planMove', () => {
  it('nests a code under another at a position, renumbering both sibling lists', () => {
    const codes = tree();
    const result = planMove(codes, 'b', 'a', 1);
    expect(after(codes, result)).toEqual({ a: [null, 0], a1: ['a', 0], b: ['a', 1], a2: ['a', 2], a2x: ['a2', 0], c: [null, 1] });
    expect(result.ok && result.value.summary).toBe('Moved “B” under “A”, before “A2”');
    expect(result.ok && result.value.changed.map((c) => c.id).sort()).toEqual(['a2', 'b', 'c']);
  });

  it('reorders among siblings and clamps the position', () => {
    const codes = tree();
    expect(after(codes, planMove(codes, 'a', null, 99))).toMatchObject({ a: [null, 2], b: [null, 0], c: [null, 1] });
    expect(after(codes, planMove(codes, 'c', null, -5))).toMatchObject({ c: [null, 0], a: [null, 1], b: [null, 2] });
    const last = planMove(codes, 'a', null, 2);
    expect(last.ok && last.value.summary).toBe('Moved “A” as the last code at the top level');
  });

  it('moves a code with its subtree to the top level', () => {
    const codes = tree();
    expect(after(codes, planMove(codes, 'a2', null, 0))).toEqual({ a2: [null, 0], a: [null, 1], b: [null, 2], c: [null, 3], a1: ['a', 0], a2x: ['a2', 0] });
  });

  it('says so when nothing changes', () => {
    const result = planMove(tree(), 'a1', 'a', 0);
    expect(result.ok && result.value).toMatchObject({ changed: [], summary: '“A1” stays where it is' });
  });

  it('refuses a cycle: a code under itself or under its own descendant', () => {
    expect(problem(planMove(tree(), 'a', 'a', 0))).toBe('code “A” (id a) parentId: cannot move it under itself');
    expect(problem(planMove(tree(), 'a', 'a2x', 0))).toBe('code “A” (id a) parentId: cannot move it under its own sub-code “A2X”');
  });

  it('refuses unknown ids, a fractional position, and a name its new siblings already have', () => {
    expect(problem(planMove(tree(), 'nope', null, 0))).toBe('code nope id: unknown code');
    expect(problem(planMove(tree(), 'b', 'nope', 0))).toBe('code “B” (id b) parentId: unknown parent code nope');
    expect(problem(planMove(tree(), 'b', null, 0.5))).toBe('code “B” (id b) order: position 0.5 is not a whole number');
    const codes = [...tree(), code('b2', 'a', 2, { name: 'b' })];
    expect(problem(planMove(codes, 'b', 'a', 0))).toBe('code “B” (id b) name: a code named “b” already exists under “A”');
  });
});

describe('keyboard moves', () => {
  it('moves up and down among siblings, refusing past either end', () => {
    const codes = tree();
    expect(after(codes, planMoveUp(codes, 'b'))).toMatchObject({ b: [null, 0], a: [null, 1], c: [null, 2] });
    expect(after(codes, planMoveDown(codes, 'b'))).toMatchObject({ a: [null, 0], c: [null, 1], b: [null, 2] });
    expect(problem(planMoveUp(codes, 'a1'))).toBe('code “A1” (id a1) order: already the first code of its level');
    expect(problem(planMoveDown(codes, 'c'))).toBe('code “C” (id c) order: already the last code of its level');
  });

  it('indents under the previous sibling as its last child', () => {
    const codes = tree();
    expect(after(codes, planIndent(codes, 'b'))).toMatchObject({ b: ['a', 2], c: [null, 1] });
    expect(after(codes, planIndent(codes, 'a2'))).toMatchObject({ a2: ['a1', 0], a2x: ['a2', 0] });
    expect(problem(planIndent(codes, 'a'))).toMatch(/^code “A” \(id a\) parentId: cannot indent the first code/);
  });

  it('outdents to right after its parent', () => {
    const codes = tree();
    expect(after(codes, planOutdent(codes, 'a1'))).toEqual({ a: [null, 0], a1: [null, 1], b: [null, 2], c: [null, 3], a2: ['a', 0], a2x: ['a2', 0] });
    expect(after(codes, planOutdent(codes, 'a2x'))).toMatchObject({ a2x: ['a', 2] });
    expect(problem(planOutdent(codes, 'b'))).toBe('code “B” (id b) parentId: cannot outdent a top-level code');
  });
});
