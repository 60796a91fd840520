import { describe, expect, it } from 'vitest';

import { agreementReport } from '../../agreement/units/agreement-report';
import { BEN, CEM, coding, DEE, round, teamProject } from '../testing/team-fixtures.test-helpers';
import { agreementSource } from './agreement-input';
import { roundInput, roundSummaries } from './round-summary';

describe('roundSummaries', () => {
  // Round 1: Ben and Cem differ on two of three posts; round 2: they agree on both.
  const rounds = [round('r-2', 2, [BEN.id, CEM.id], ['p-5', 'p-6']), round('r-1', 1, [BEN.id, CEM.id], ['p-1', 'p-2', 'p-3'])];
  const store = () =>
    teamProject({
      rounds,
      codings: [
        coding('b-1', 'p-1', 'c-what', BEN.id, 0, 3),
        coding('b-2', 'p-2', 'c-what', BEN.id, 0, 4),
        coding('c-2', 'p-2', 'c-what', CEM.id, 0, 10),
        coding('c-3', 'p-3', 'c-what', CEM.id, 0, 4),
        coding('b-5', 'p-5', 'c-what', BEN.id, 0, 9),
        coding('c-5', 'p-5', 'c-what', CEM.id, 0, 4),
        // Dee is in no round: her codings do not count.
        coding('d-6', 'p-6', 'c-what', DEE.id, 0, 6),
      ],
    });

  it('gives each round, by number, its coders, units and each code’s α: here it improves', async () => {
    const summaries = await store().read((r) => roundSummaries(r));
    expect(summaries.map((s) => [s.number, s.name, s.coders.map((c) => c.name), s.units])).toEqual([
      [1, 'Round 1', ['Ben', 'Cem'], 3],
      [2, 'Round 2', ['Ben', 'Cem'], 2],
    ]);
    const alpha = (n: number, path: string) => summaries[n]!.codes.find((c) => c.path === path)!;
    expect(alpha(0, 'Whataboutism').alpha).toBeCloseTo(-0.25, 10);
    expect(alpha(1, 'Whataboutism').alpha).toBe(1);
    expect(alpha(1, 'Derailing')).toEqual({ codeId: 'c-derail', path: 'Derailing', alpha: null, reason: 'no variation: every pairable value is the same' });
    expect(summaries[0]!.codes.map((c) => c.path)).toEqual(['Whataboutism', 'False equivalence', 'Derailing']);
  });

  it('is the α the agreement report computes on the round’s posts and coders', async () => {
    const s = store();
    const [summaries, source] = await s.read((r) => Promise.all([roundSummaries(r), agreementSource(r)]));
    for (const summary of summaries) {
      const report = agreementReport(roundInput(source.input, rounds.find((r) => r.id === summary.roundId)!), { unit: 'post' });
      if (!report.ok || report.value.unit !== 'post') throw new Error('no post report');
      const post = report.value;
      expect(summary.codes.map((c) => c.alpha)).toEqual(summary.codes.map((c) => post.codes[c.path]!.alpha_nominal));
    }
  });
});
