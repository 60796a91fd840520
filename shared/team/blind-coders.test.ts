import { describe, expect, it } from 'vitest';

import { blindDisagreement, blindDisagreements, coderLetter } from './blind-coders';

const coders = [
  { coderId: 'u-ada', coderName: 'Ada', codings: [{ start: 0, end: 4 }] },
  { coderId: 'u-ben', coderName: 'Ben', codings: [] },
  { coderId: 'u-cy', coderName: 'Cy', codings: [{ start: 2, end: 9 }] },
];
const row = (id: string, decision: { proposed: boolean } | null = null) => ({ id, coders, decision });
const names = (d: { coders: ReadonlyArray<{ coderName: string }> }) => d.coders.map((c) => c.coderName);
const ids = (d: { coders: ReadonlyArray<{ coderId: string }> }) => d.coders.map((c) => c.coderId);

describe('blind adjudication', () => {
  it('names the coders of an undecided disagreement Coder A, B, C, keeping ids and codings', () => {
    const blind = blindDisagreement(row('p-1|c-1'));
    expect(names(blind)).toEqual(['Coder A', 'Coder B', 'Coder C']);
    expect([...ids(blind)].sort()).toEqual(['u-ada', 'u-ben', 'u-cy']);
    for (const coder of blind.coders) expect(coder.codings).toBe(coders.find((c) => c.coderId === coder.coderId)!.codings);
  });

  it('a majority proposal is still blind; a decision reveals the names in the same order', () => {
    const proposed = blindDisagreement(row('p-1|c-1', { proposed: true }));
    const decided = blindDisagreement(row('p-1|c-1', { proposed: false }));
    expect(names(proposed)).toEqual(['Coder A', 'Coder B', 'Coder C']);
    expect(ids(decided)).toEqual(ids(proposed));
    expect(names(decided)).toEqual(ids(decided).map((id) => coders.find((c) => c.coderId === id)!.coderName));
  });

  it('is stable for a disagreement, and the letters do not follow the coders’ fixed order across the list', () => {
    const list = Array.from({ length: 60 }, (_, i) => row(`p-${i}|c-1`));
    const once = blindDisagreements(list, true);
    expect(blindDisagreements(list, true).map(ids)).toEqual(once.map(ids));
    // Who is "Coder A" varies: every coder is A somewhere, and none is A on most rows (naive count).
    const firstCounts = new Map<string, number>();
    for (const d of once) firstCounts.set(d.coders[0]!.coderId, (firstCounts.get(d.coders[0]!.coderId) ?? 0) + 1);
    expect([...firstCounts.keys()].sort()).toEqual(['u-ada', 'u-ben', 'u-cy']);
    expect(Math.max(...firstCounts.values())).toBeLessThan(40);
  });

  it('leaves the list as it is when blind adjudication is off', () => {
    const list = [row('p-1|c-1')];
    expect(blindDisagreements(list, false)).toBe(list);
  });

  it('letters go on past Z like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(coderLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
