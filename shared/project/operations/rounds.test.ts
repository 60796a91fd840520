import { describe, expect, it } from 'vitest';

import { CONSENSUS_CODER_ID } from '../../model/records';
import { applied, counterIds, runner } from '../testing/core-fixtures.test-helpers';
import { BEN, CY, teamProject } from '../testing/round-fixtures.test-helpers';
import { editCode, nameVersion } from './codebook';
import { startRound, type StartRoundInput } from './rounds';

const byHand = (threadIds: string[], coderIds = [BEN.id, CY.id]): StartRoundInput => ({ coderIds, selection: { kind: 'threads', threadIds }, instructions: 'Code every claim.' });

describe('startRound', () => {
  it('writes the round, one assignment per coder, and names the codebook version it pins', async () => {
    const store = teamProject();
    const done = applied(await runner(store, undefined, counterIds('r'))(startRound, byHand(['t-1', 't-2'])));
    // Placeholders (p-4) and posts without text (q-3) are not coded; threads in import order, then id.
    const posts = ['p-1', 'p-2', 'p-3', 'p-5', 'q-1', 'q-2'];
    expect(done.summary).toBe('Started Round 1: 6 posts for Ben and Cy');
    const versions = await store.read((r) => r.versions());
    expect(versions.map((v) => [v.name, v.codes.map((c) => c.id)])).toEqual([['Round 1', ['c-what', 'c-false', 'c-group']]]);
    expect(done.result).toEqual({
      id: done.result.id,
      number: 1,
      name: 'Round 1',
      createdAt: done.result.createdAt,
      codebookVersionId: versions[0]!.id,
      coderIds: [BEN.id, CY.id],
      postIds: posts,
      sample: null,
      instructions: 'Code every claim.',
    });
    const assignments = await store.read((r) => r.assignments());
    expect(assignments.map(({ coderId, postIds, source, roundId }) => ({ coderId, postIds, source, roundId }))).toEqual([
      { coderId: BEN.id, postIds: posts, source: 'round', roundId: done.result.id },
      { coderId: CY.id, postIds: posts, source: 'round', roundId: done.result.id },
    ]);
    expect(done.entry?.operation).toBe('round.start');
  });

  it('pins the latest named version while the codebook is unchanged, and names a new one when it changed', async () => {
    const store = teamProject();
    const run = runner(store);
    const named = applied(await run(nameVersion, { name: 'v1' })).result;
    const first = applied(await run(startRound, byHand(['t-1'])));
    expect(first.result.codebookVersionId).toBe(named.id);
    expect(first.entry?.changes.map((c) => c.table)).toEqual(['rounds', 'assignments', 'assignments']);

    applied(await run(editCode, { codeId: 'c-what', patch: { definition: 'Deflects to another group.' } }));
    const second = applied(await run(startRound, { ...byHand(['t-1'], [BEN.id]), name: ' Calibration ' }));
    expect(second.summary).toBe('Started Calibration: 4 posts for Ben');
    const versions = await store.read((r) => r.versions());
    const pinned = versions.find((v) => v.id === second.result.codebookVersionId)!;
    expect([second.result.number, second.result.name, pinned.name]).toEqual([2, 'Calibration', 'Calibration']);
    expect(pinned.codes.find((c) => c.id === 'c-what')?.definition).toBe('Deflects to another group.');
  });

  it('gives the version another name when one already has the round’s', async () => {
    const store = teamProject();
    const run = runner(store);
    applied(await run(nameVersion, { name: 'Round 1' }));
    applied(await run(editCode, { codeId: 'c-false', patch: { name: 'False balance' } }));
    const round = applied(await run(startRound, byHand(['t-2']))).result;
    const versions = await store.read((r) => r.versions());
    expect(versions.find((v) => v.id === round.codebookVersionId)?.name).toBe('Round 1 (2)');
  });

  it('draws a seeded sample: the same seed the same posts, and the spec is kept', async () => {
    const spec = { unit: 'post' as const, size: 3, seed: 42, stratifyBy: 'platform' as const };
    const draw = async () => applied(await runner(teamProject())(startRound, { coderIds: [BEN.id], selection: { kind: 'sample', spec }, instructions: '' })).result;
    const first = await draw();
    expect(first.postIds).toHaveLength(3);
    // 4 reddit and 2 mastodon posts: 2 and 1 drawn.
    expect(first.postIds.filter((id) => id.startsWith('q-'))).toHaveLength(1);
    expect((await draw()).postIds).toEqual(first.postIds);
    expect(first.sample).toEqual(spec);
    const within = applied(await runner(teamProject())(startRound, { coderIds: [BEN.id], selection: { kind: 'sample', spec: { ...spec, size: 10 }, threadIds: ['t-2'] }, instructions: '' })).result;
    expect(within.postIds).toEqual(['q-1', 'q-2']);
  });

  it.each([
    [byHand(['t-1'], []), 'round coderIds: a round needs at least one coder'],
    [byHand(['t-1'], [BEN.id, 'coder-zed']), 'coder coder-zed coderIds: the coder does not exist'],
    [byHand(['t-1'], [CONSENSUS_CODER_ID]), 'coder consensus coderIds: the consensus layer is written by adjudication, not coded in a round'],
    [byHand([]), 'round selection: choose at least one thread'],
    [byHand(['t-9']), 'thread t-9 threadIds: the thread does not exist'],
    [{ ...byHand([]), selection: { kind: 'sample' as const, spec: { unit: 'post' as const, size: 0, seed: 1, stratifyBy: null } } }, 'round sample.size: must be a whole number of 1 or more (got 0)'],
  ])('refuses %j and writes nothing', async (input, message) => {
    const store = teamProject();
    const result = await runner(store)(startRound, input);
    expect(result.ok ? '' : `${result.error.record} ${result.error.field}: ${result.error.message}`).toBe(message);
    expect(await store.read((r) => r.journal())).toEqual([]);
  });

  it('refuses a selection with nothing to code, and a second round of the same name', async () => {
    const store = teamProject();
    const run = runner(store);
    const stubsOnly = await run(startRound, { ...byHand([]), selection: { kind: 'sample', spec: { unit: 'post', size: 5, seed: 1, stratifyBy: null }, threadIds: [] } });
    expect(stubsOnly.ok ? '' : stubsOnly.error.message).toMatch(/^the selection holds no posts to code/);
    applied(await run(startRound, byHand(['t-1'])));
    const again = await run(startRound, { ...byHand(['t-2']), name: 'round 1' });
    expect(again.ok ? '' : again.error.message).toBe('a round named “Round 1” already exists (round 1)');
  });
});
