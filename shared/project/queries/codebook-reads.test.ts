import { describe, expect, it } from 'vitest';

import { BEN, CEM, coding, DEE, teamProject } from '../testing/team-fixtures.test-helpers';
import { codingTallies, describeTally, sumTallies, tallyCount } from './codebook-reads';

describe('codingTallies', () => {
  const store = () =>
    teamProject({
      codings: [
        coding('c-1', 'p-1', 'c-what', CEM.id, 0, 3),
        coding('b-1', 'p-1', 'c-what', BEN.id, 0, 3),
        coding('b-2', 'p-2', 'c-what', BEN.id, 0, 4),
        coding('b-3', 'p-3', 'c-false', BEN.id, 0, 4),
        coding('d-1', 'p-2', 'c-what', DEE.id, 1, 4),
      ],
    });

  it('counts each code’s codings in all, and per coder by name; an unused code has an empty tally', async () => {
    const tallies = await store().read((r) => codingTallies(r));
    expect(Object.fromEntries(tallies)).toEqual({
      'c-what': {
        total: 4,
        byCoder: [
          { coderId: BEN.id, name: 'Ben', count: 2 },
          { coderId: CEM.id, name: 'Cem', count: 1 },
          { coderId: DEE.id, name: 'Dee', count: 1 },
        ],
      },
      'c-false': { total: 1, byCoder: [{ coderId: BEN.id, name: 'Ben', count: 1 }] },
      'c-derail': { total: 0, byCoder: [] },
    });
  });

  it('gives the count a view shows: one coder’s when it shows only theirs, else all coders’', async () => {
    const what = (await store().read((r) => codingTallies(r))).get('c-what');
    expect(tallyCount(what, null)).toBe(4);
    expect(tallyCount(what, BEN.id)).toBe(2);
    expect(tallyCount(what, 'coder-ada')).toBe(0);
    expect(tallyCount(undefined, null)).toBe(0);
  });

  it('says the total and each coder’s share', async () => {
    const tallies = await store().read((r) => codingTallies(r));
    expect(describeTally(tallies.get('c-what')!)).toBe('4 codings: Ben 2, Cem 1, Dee 1');
    expect(describeTally(tallies.get('c-false')!)).toBe('1 coding: Ben 1');
    expect(describeTally(tallies.get('c-derail')!)).toBe('0 codings');
    expect(describeTally(sumTallies([tallies.get('c-false')!, tallies.get('c-what')!, tallies.get('c-derail')!]))).toBe('5 codings: Ben 3, Cem 1, Dee 1');
  });
});
