import { describe, expect, it } from 'vitest';

import { CONSENSUS_CODER_ID, type Assignment } from '../../model/records';
import { ADA } from '../testing/core-fixtures.test-helpers';
import { BEN, CEM, coding, DEE, round, teamProject } from '../testing/team-fixtures.test-helpers';
import { listDisagreements } from './disagreements';

const fileAssignment = (coderId: string, postIds: string[]): Assignment => ({ id: `a-file-${coderId}`, coderId, postIds, source: 'file' });

/** Ben and Cem coded every post (no assignments: both rated everything); Ada only leads. */
const twoCoders = () =>
  teamProject({
    codings: [
      coding('b-1', 'p-1', 'c-what', BEN.id, 0, 3),
      coding('c-1', 'p-1', 'c-what', CEM.id, 0, 3),
      coding('b-2', 'p-2', 'c-what', BEN.id, 0, 10),
      coding('c-2', 'p-2', 'c-false', CEM.id, 0, 10),
      coding('c-2b', 'p-2', 'c-derail', CEM.id, 11, 16),
      coding('b-2b', 'p-2', 'c-derail', BEN.id, 11, 16),
      coding('b-3', 'p-3', 'c-false', BEN.id, 10, 27),
      coding('c-3', 'p-3', 'c-false', CEM.id, 0, 27),
      coding('b-4', 'p-4', 'c-what', BEN.id, 0, 3),
      coding('b-5', 'p-5', 'c-derail', BEN.id, 0, 5),
      coding('b-5b', 'p-5', 'c-derail', BEN.id, 0, 5),
      coding('c-5', 'p-5', 'c-derail', CEM.id, 0, 5),
      coding('b-6', 'p-6', 'c-what', BEN.id, 0, 6),
    ],
    coders: [ADA, BEN, CEM],
  });

const summary = (list: Awaited<ReturnType<typeof listDisagreements>>) =>
  list.map((d) => [d.id, d.coders.map((c) => `${c.coderName}:${c.codings.map((k) => k.id).join('+') || '-'}:${c.otherCodeIds.join('+')}`)]);

describe('listDisagreements', () => {
  it('lists each (post, code) the coders differ on, in reading order then codebook order, with what each used instead', async () => {
    expect(await teamProject().read((r) => listDisagreements(r))).toEqual([]);
    const store = twoCoders();
    const found = await store.read((r) => listDisagreements(r));
    expect(summary(found)).toEqual([
      ['p-2|c-what', ['Ben:b-2:', 'Cem:-:c-false']],
      ['p-2|c-false', ['Ben:-:c-what', 'Cem:c-2:']],
      // Same code, different spans.
      ['p-3|c-false', ['Ben:b-3:', 'Cem:c-3:']],
      // t-2 was imported after t-1. p-5: a double highlight of one span is that span (agreed).
      ['p-6|c-what', ['Ben:b-6:', 'Cem:-:']],
    ]);
    expect(found[0]).toMatchObject({ postId: 'p-2', threadId: 't-1', codeId: 'c-what', roundId: null, decision: null });
    // The lead who never coded and has no assignment is not a coder of any post; the placeholder p-4 is never listed.
    expect(found.flatMap((d) => d.coders.map((c) => c.coderId))).not.toContain(ADA.id);
  });

  it('compares only the coders assigned the post, and never the consensus layer', async () => {
    const store = teamProject({
      codings: [
        coding('b-1', 'p-1', 'c-what', BEN.id, 0, 3),
        coding('d-1', 'p-1', 'c-what', DEE.id, 0, 4),
        coding('b-5', 'p-5', 'c-what', BEN.id, 0, 5),
        coding('d-5', 'p-5', 'c-what', DEE.id, 0, 9),
        { ...coding('k-5', 'p-5', 'c-false', CONSENSUS_CODER_ID, 0, 9) },
      ],
      coders: [ADA, BEN, DEE, { id: CONSENSUS_CODER_ID, name: 'consensus' }],
      // Dee's file held only t-2's posts; Ben has every post.
      assignments: [fileAssignment(DEE.id, ['p-5', 'p-6'])],
    });
    const found = await store.read((r) => listDisagreements(r));
    expect(summary(found)).toEqual([['p-5|c-what', ['Ben:b-5:', 'Dee:d-5:']]]);
  });

  it('with a round: only its posts and its coders, the round named on each', async () => {
    const store = teamProject({
      codings: [
        coding('b-2', 'p-2', 'c-what', BEN.id, 0, 10),
        coding('c-2', 'p-2', 'c-what', CEM.id, 0, 4),
        coding('d-2', 'p-2', 'c-what', DEE.id, 0, 10),
        coding('b-3', 'p-3', 'c-false', BEN.id, 0, 4),
      ],
      rounds: [round('r-1', 1, [BEN.id, DEE.id], ['p-2']), round('r-2', 2, [BEN.id, CEM.id], ['p-2', 'p-3'])],
    });
    expect(summary(await store.read((r) => listDisagreements(r, { roundId: 'r-1' })))).toEqual([]);
    const second = await store.read((r) => listDisagreements(r, { roundId: 'r-2' }));
    expect(summary(second)).toEqual([
      ['p-2|c-what', ['Ben:b-2:', 'Cem:c-2:']],
      ['p-3|c-false', ['Ben:b-3:', 'Cem:-:']],
    ]);
    expect(second.map((d) => d.roundId)).toEqual(['r-2', 'r-2']);
    // Without a round: every assigned coder of the post; the latest round holding it is named.
    const all = await store.read((r) => listDisagreements(r));
    expect(summary(all)[0]).toEqual(['p-2|c-what', ['Ben:b-2:', 'Cem:c-2:', 'Dee:d-2:']]);
    expect(all[0]!.roundId).toBe('r-2');
    expect(await store.read((r) => listDisagreements(r, { roundId: 'r-9' }))).toEqual([]);
  });

  it('filters by code and includes the decision taken', async () => {
    const store = twoCoders();
    const decision = { id: 'p-3|c-false', postId: 'p-3', codeId: 'c-false', roundId: null, outcome: 'none' as const, acceptedCoderIds: [], consensusCodingIds: [], memo: 'neither', decidedBy: ADA.id, decidedAt: '2025-01-03T00:00:00.000Z', proposed: false };
    await store.transact(async (tx) => tx.apply({ decisions: [{ before: null, after: decision }] }, { id: 'e-1', seq: 1, at: decision.decidedAt, actorId: ADA.id, actorName: ADA.name, operation: 'test', summary: 'test', reverts: null, changes: [], addedPosts: [] }));
    const found = await store.read((r) => listDisagreements(r, { codeIds: ['c-false'] }));
    expect(found.map((d) => d.id)).toEqual(['p-2|c-false', 'p-3|c-false']);
    expect(found[1]!.decision).toEqual(decision);
  });
});
