import { describe, expect, it } from 'vitest';

import { naiveAlpha } from '../naive-alpha.test-helpers';
import { relationAgreement, relationF1, relationUnitData, type RelationAgreementInput } from './relation-unit';

const rel = (coderId: string, relationCodeId: string, from: string, to: string) => ({ coderId, relationCodeId, from: { postId: from }, to: { postId: to } });

const INPUT: RelationAgreementInput = {
  coders: [
    { id: 'ana', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
  ],
  codes: [
    { id: 'deflects', name: 'deflects to' },
    { id: 'answers', name: 'answers' },
  ],
  relations: [
    rel('ana', 'deflects', 'p2', 'p1'),
    rel('ben', 'deflects', 'p2', 'p1'),
    rel('ana', 'answers', 'p3', 'p2'),
    rel('ben', 'deflects', 'p3', 'p2'),
    rel('ana', 'answers', 'p4', 'p1'),
    rel('ben', 'answers', 'p4', 'p1'),
    rel('ben', 'answers', 'p5', 'p4'),
    // The reverse direction is another unit.
    rel('ana', 'deflects', 'p1', 'p2'),
  ],
};

/** F1 the long way: both coders' (from, to, code) triples as strings, counted by hand. */
function naiveF1(a: string[], b: string[]): number {
  const both = a.filter((t) => b.includes(t)).length;
  return (2 * both) / (a.length + b.length);
}

describe('agreement on relations', () => {
  it('makes one unit per ordered pair of posts anyone related, valued by code or "none"', () => {
    const data = relationUnitData(INPUT, ['ana', 'ben']);
    expect(data.units).toEqual(['p1→p2', 'p2→p1', 'p3→p2', 'p4→p1', 'p5→p4']);
    expect(data.values).toEqual([
      ['deflects', 'none'],
      ['deflects', 'deflects'],
      ['answers', 'deflects'],
      ['answers', 'answers'],
      ['none', 'answers'],
    ]);
  });

  it('gives α as the literal coincidence-matrix computation and F1 as counted by hand, overall and per code', () => {
    const result = relationAgreement(INPUT);
    if ('error' in result) throw new Error(result.error);
    const overallData = relationUnitData(INPUT, ['ana', 'ben']);
    expect(result.overall.alpha).toBeCloseTo(naiveAlpha({ ...overallData, values: overallData.values.map((row) => row.map((v) => ['none', 'deflects', 'answers'].indexOf(v as string))) }, 'nominal'), 12);
    const ana = ['p2|p1|deflects', 'p3|p2|answers', 'p4|p1|answers', 'p1|p2|deflects'];
    const ben = ['p2|p1|deflects', 'p3|p2|deflects', 'p4|p1|answers', 'p5|p4|answers'];
    expect(result.overall.f1).toBeCloseTo(naiveF1(ana, ben), 12);
    expect(result.overall.percentAgreement).toBeCloseTo(2 / 5, 12);

    const deflects = result.perCode.find((c) => c.name === 'deflects to')!;
    const deflectData = relationUnitData(INPUT, ['ana', 'ben'], 'deflects');
    expect(deflectData.values).toEqual([
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(deflects.alpha).toBeCloseTo(naiveAlpha(deflectData, 'nominal'), 12);
    expect(deflects.f1).toBeCloseTo(naiveF1(['a', 'b'], ['a', 'c']), 12);
    expect(deflects.byCoder).toEqual([2, 2]);
    expect(relationF1(INPUT, ['ana', 'ben'], 'answers')).toBeCloseTo(naiveF1(['x', 'y'], ['y', 'z']), 12);
  });

  it('says why it cannot compare with fewer than two coders', () => {
    expect(relationAgreement({ ...INPUT, relations: INPUT.relations.filter((r) => r.coderId === 'ana') })).toEqual({ error: 'agreement on relations needs two coders with relations (only one has)' });
  });
});
