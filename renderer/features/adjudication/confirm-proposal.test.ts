/**
 * The view's keys against the real core (memory store): what Enter sends for a majority proposal
 * decides it with the proposal's spans, no longer proposed; the other keys decide as they say.
 */
import { describe, expect, it } from 'vitest';

import { CONSENSUS_CODER_ID, type Coding } from '@shared/model/records';
import type { MemoryProjectStore } from '@shared/project/memory-store';
import { decideDisagreement, proposeMajority } from '@shared/project/operations/consensus';
import { listDisagreements } from '@shared/project/queries/disagreements';
import { applied, runner } from '@shared/project/testing/core-fixtures.test-helpers';
import { BEN, CEM, coding, DEE, round, teamProject } from '@shared/project/testing/team-fixtures.test-helpers';

import { commandForKey, decisionFor, decisionState } from './adjudication-model';

const consensusSpans = async (store: MemoryProjectStore) =>
  (await store.read((r) => r.codingsOfCoder(CONSENSUS_CODER_ID))).map((c) => `${c.start}-${c.end}`).sort();

async function proposedOnP2(codings: Coding[]) {
  const store = teamProject({ codings, rounds: [round('r-1', 1, [BEN.id, CEM.id, DEE.id], ['p-2'])] });
  const run = runner(store);
  applied(await run(proposeMajority, { roundId: 'r-1' }));
  const [d] = await store.read((r) => listDisagreements(r, { roundId: 'r-1' }));
  return { store, run, d: d! };
}

describe('Enter on a majority proposal', () => {
  it('accepts the majority coder whose spans are exactly the proposal’s', async () => {
    const { store, run, d } = await proposedOnP2([
      coding('b-1', 'p-2', 'c-what', BEN.id, 0, 16),
      coding('b-2', 'p-2', 'c-what', BEN.id, 17, 26),
      coding('c-1', 'p-2', 'c-what', CEM.id, 0, 16),
    ]);
    expect(decisionState(d.decision)).toBe('proposed');
    const proposal = await consensusSpans(store);
    expect(proposal).toEqual(['0-16']);

    const decided = decisionFor(commandForKey({ key: 'Enter' }, d.coders.length)!, d, { memo: '', span: null });
    expect(decided.ok && decided.input).toMatchObject({ outcome: 'accept', coderId: CEM.id });
    if (!decided.ok) return;
    const done = applied(await run(decideDisagreement, decided.input));
    expect(done.result.proposed).toBe(false);
    expect(await consensusSpans(store)).toEqual(proposal);
  });

  it('adjusts to the spans the majority shares when no coder has exactly them', async () => {
    const { store, run, d } = await proposedOnP2([
      coding('b-1', 'p-2', 'c-what', BEN.id, 0, 16),
      coding('b-2', 'p-2', 'c-what', BEN.id, 17, 26),
      coding('c-1', 'p-2', 'c-what', CEM.id, 0, 16),
      coding('c-2', 'p-2', 'c-what', CEM.id, 5, 10),
    ]);
    const proposal = await consensusSpans(store);
    expect(proposal).toEqual(['0-16']);
    const decided = decisionFor({ kind: 'confirm' }, d, { memo: 'checked', span: null });
    expect(decided.ok && decided.input).toMatchObject({ outcome: 'adjust', spans: [{ start: 0, end: 16 }], memo: 'checked' });
    if (!decided.ok) return;
    const done = applied(await run(decideDisagreement, decided.input));
    expect(done.result).toMatchObject({ proposed: false, memo: 'checked' });
    expect(await consensusSpans(store)).toEqual(proposal);
  });

  it('confirms "none" when the majority left the code out', async () => {
    const { store, run, d } = await proposedOnP2([coding('b-1', 'p-2', 'c-what', BEN.id, 0, 16)]);
    expect(d.decision).toMatchObject({ outcome: 'none', proposed: true });
    const decided = decisionFor({ kind: 'confirm' }, d, { memo: '', span: null });
    if (!decided.ok) throw new Error(decided.message);
    expect(applied(await run(decideDisagreement, decided.input)).result).toMatchObject({ outcome: 'none', proposed: false });
    expect(await consensusSpans(store)).toEqual([]);
  });
});

describe('the decision keys against the core', () => {
  it('1, B and N decide as they say, each accepted by decideDisagreement', async () => {
    const store = teamProject({
      codings: [coding('b-1', 'p-2', 'c-what', BEN.id, 0, 16), coding('c-1', 'p-2', 'c-what', CEM.id, 0, 4)],
      rounds: [round('r-1', 1, [BEN.id, CEM.id], ['p-2'])],
    });
    const run = runner(store);
    const [d] = await store.read((r) => listDisagreements(r, { roundId: 'r-1' }));
    for (const [key, spans] of [
      ['1', ['0-16']],
      ['b', ['0-16', '0-4']],
      ['n', []],
    ] as const) {
      const decided = decisionFor(commandForKey({ key }, d!.coders.length)!, d!, { memo: '', span: null });
      if (!decided.ok) throw new Error(decided.message);
      applied(await run(decideDisagreement, decided.input));
      expect(await consensusSpans(store), key).toEqual([...spans].sort());
    }
  });
});
