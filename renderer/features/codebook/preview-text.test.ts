import { describe, expect, it } from 'vitest';

import { planMerge } from '@shared/codebook/merge-plan';
import { planSplit } from '@shared/codebook/split-plan';
import { planMove } from '@shared/codebook/tree-moves';
import { EMPTY_CODE_FIELDS, type Code, type Coding } from '@shared/model/records';

import { inPresentTense, mergePreview, splitPreview } from './preview-text';

const code = (id: string, name: string, parentId: string | null, order: number): Code => ({
  ...EMPTY_CODE_FIELDS,
  id,
  name,
  parentId,
  order,
  color: '#000000',
  examples: [],
  exemplarCodingIds: [],
});

const coding = (id: string, codeId: string, start: number, memo = ''): Coding => ({
  id,
  postId: 'p1',
  threadId: 't1',
  codeId,
  coderId: 'ada',
  start,
  end: start + 5,
  quote: 'hello',
  memo,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

describe('inPresentTense', () => {
  it('turns the change-log verbs into what will happen, leaving quoted names alone', () => {
    expect(inPresentTense('Renamed “Moved on” to “Made up” and changed its definition')).toBe('Renames “Moved on” to “Made up” and changes its definition');
    expect(inPresentTense('Retired “A”, moved it under “B” and made it a category (not codable)')).toBe('Retires “A”, moves it under “B” and makes it a category (not codable)');
  });

  it('reads a planned move in the present', () => {
    const codes = [code('x', 'X', null, 0), code('y', 'Y', null, 1)];
    const plan = planMove(codes, 'x', 'y', 0);
    expect(plan.ok && inPresentTense(plan.value.summary)).toBe('Moves “X” under “Y”, as the only code');
  });
});

describe('mergePreview', () => {
  it('says how many codings move, which collapse, what is deleted and which sub-codes move', () => {
    const codes = [code('a', 'A', null, 0), code('b', 'B', null, 1), code('a1', 'A child', 'a', 0)];
    const codings = [coding('k1', 'a', 0), coding('k2', 'a', 10, 'a memo'), coding('k3', 'a', 20), coding('k4', 'b', 10)];
    const plan = planMerge(codes, codings, ['a'], 'b');
    if (!plan.ok) throw new Error('plan refused');
    expect(mergePreview(plan.value)).toBe(
      '2 codings move from “A” to “B”; 1 identical coding by the same coder collapses into the one kept (1 with a memo, deleted with it); “A” is deleted; its 1 sub-code moves under “B”.',
    );
  });

  it('names several sources and agrees in number', () => {
    const codes = [code('a', 'A', null, 0), code('b', 'B', null, 1), code('c', 'C', null, 2)];
    const plan = planMerge(codes, [coding('k1', 'a', 0)], ['a', 'c'], 'b');
    if (!plan.ok) throw new Error('plan refused');
    expect(mergePreview(plan.value)).toBe('1 coding moves from “A” and “C” to “B”; “A” and “C” are deleted.');
  });
});

describe('splitPreview', () => {
  it('says how many of the codings move to the new code and where it goes', () => {
    const source = { ...code('a', 'A', null, 0), exemplarCodingIds: ['k2'] };
    const plan = planSplit([source], [coding('k1', 'a', 0), coding('k2', 'a', 10), coding('k3', 'a', 20)], 'a', ['k1', 'k2'], { id: 'n', name: 'A strong', color: '#112233' });
    if (!plan.ok) throw new Error('plan refused');
    expect(splitPreview(plan.value, 3)).toBe('2 of the 3 codings of “A” move to the new code “A strong”, placed right after it; 1 exemplar goes with them.');
  });
});
