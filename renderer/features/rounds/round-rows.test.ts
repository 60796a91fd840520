import { describe, expect, it } from 'vitest';

import type { CodebookVersion, Round } from '@shared/model/records';
import type { RoundSummary } from '@shared/project/queries/round-summary';

import { latestRound, roundRows } from './round-rows';
import { codeSeries } from './round-series';

const round = (number: number, patch: Partial<Round> = {}): Round => ({
  id: `r${number}`,
  number,
  name: `Round ${number}`,
  createdAt: `2025-0${number}-01T10:00:00Z`,
  codebookVersionId: `v${number}`,
  coderIds: ['ben', 'cy'],
  postIds: ['p1', 'p2', 'p3'],
  sample: { unit: 'post', size: 3, seed: 7, stratifyBy: 'thread' },
  instructions: 'Code   claims\nonly.',
  ...patch,
});
const version = (id: string, name: string) => ({ id, name }) as CodebookVersion;

describe('the rounds table', () => {
  it('lists rounds by number with their version, coders, posts and how they were chosen', () => {
    const rows = roundRows(
      [round(2, { sample: null, coderIds: ['ben', 'gone'] }), round(1)],
      [version('v1', 'Round 1'), version('v2', 'v2 sent 12 March')],
      [
        { id: 'ben', name: 'Ben' },
        { id: 'cy', name: 'Cy' },
      ],
    );
    expect(rows.map((r) => [r.number, r.versionName, r.coderNames, r.posts, r.how, r.instructions])).toEqual([
      [1, 'Round 1', ['Ben', 'Cy'], 3, 'sample of 3 posts, seed 7, stratified by thread', 'Code claims only.'],
      [2, 'v2 sent 12 March', ['Ben', 'gone'], 3, 'threads chosen by hand', 'Code claims only.'],
    ]);
    expect(roundRows([round(1, { codebookVersionId: 'x', sample: { unit: 'thread', size: 1, seed: 3, stratifyBy: null } })], [], [])[0]).toMatchObject({
      versionName: '(version deleted)',
      how: 'sample of 1 thread, seed 3',
    });
  });

  it('takes the latest round by number', () => {
    expect(latestRound([round(1), round(3), round(2)])?.id).toBe('r3');
    expect(latestRound([])).toBeUndefined();
  });
});

const summary = (number: number, codes: RoundSummary['codes']): RoundSummary => ({ roundId: `r${number}`, number, name: `Round ${number}`, coders: [], units: 5, codes });

describe('the convergence series', () => {
  it('gives each code its α per round, latest round’s codes first, and sets apart codes never defined', () => {
    const { charted, undefinedEverywhere } = codeSeries([
      summary(2, [
        { codeId: 'b', path: 'B', alpha: 0.9 },
        { codeId: 'a', path: 'A', alpha: 0.7 },
        { codeId: 'z', path: 'Z', alpha: null, reason: 'no variation' },
      ]),
      summary(1, [
        { codeId: 'a', path: 'A', alpha: 0.4 },
        { codeId: 'old', path: 'Old', alpha: 0.2 },
        { codeId: 'z', path: 'Z', alpha: null, reason: 'no variation' },
      ]),
    ]);
    expect(charted.map((s) => [s.path, s.points.map((p) => p.value), s.latest])).toEqual([
      ['B', [null, 0.9], 0.9],
      ['A', [0.4, 0.7], 0.7],
      ['Old', [0.2, null], null],
    ]);
    expect(charted[1]?.points.map((p) => p.label)).toEqual(['Round 1', 'Round 2']);
    expect(undefinedEverywhere.map((s) => s.path)).toEqual(['Z']);
    expect(undefinedEverywhere[0]?.reasons.get(1)).toBe('no variation');
  });
});
