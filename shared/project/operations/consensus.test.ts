import { describe, expect, it } from 'vitest';

import { CONSENSUS_CODER_ID, type Coding } from '../../model/records';
import type { MemoryProjectStore } from '../memory-store';
import { compareStrings } from '../record-order';
import { listDisagreements } from '../queries/disagreements';
import { ADA, applied, runner } from '../testing/core-fixtures.test-helpers';
import { BEN, CEM, coding, DEE, round, teamProject, TEXTS } from '../testing/team-fixtures.test-helpers';
import { addCoding, removeCoding, setExemplar } from './codings';
import { applyConsensusRule, decideDisagreement, proposeMajority, seedConsensusAgreements, type DecideInput } from './consensus';
import { revertEntry } from './revert';

/** Three coders in round r-1 over p-2, p-3 and p-5. */
const threeCoders = (codings: Coding[]) => teamProject({ codings, rounds: [round('r-1', 1, [BEN.id, CEM.id, DEE.id], ['p-2', 'p-3', 'p-5'])] });

const consensusOf = async (store: MemoryProjectStore) =>
  (await store.read((r) => r.codingsOfCoder(CONSENSUS_CODER_ID))).sort((a, b) => compareStrings(`${a.postId}|${a.codeId}`, `${b.postId}|${b.codeId}`) || a.start - b.start || a.end - b.end);
const spans = (codings: Coding[]) => codings.map((c) => `${c.postId}|${c.codeId} ${c.start}-${c.end} ${c.quote} ← ${c.provenance?.sourceCodingIds.join('+')}`);

describe('decideDisagreement', () => {
  const codings = [
    coding('b-2', 'p-2', 'c-what', BEN.id, 0, 16),
    coding('c-2', 'p-2', 'c-what', CEM.id, 0, 4),
    coding('d-2', 'p-2', 'c-what', DEE.id, 0, 4),
    coding('d-2b', 'p-2', 'c-what', DEE.id, 11, 16),
  ];
  const base = { postId: 'p-2', codeId: 'c-what', roundId: 'r-1', memo: 'the family is the point' };

  it('accept: copies the coder’s codings into the consensus layer, with provenance, creating the consensus coder', async () => {
    const store = threeCoders(codings);
    const done = applied(await runner(store)(decideDisagreement, { ...base, outcome: 'accept', coderId: BEN.id }));
    expect(done.summary).toBe('Decided “Whataboutism” on “What about 👩‍👩‍👧 families?”: accepted Ben');
    expect(await store.read((r) => r.coders())).toContainEqual({ id: CONSENSUS_CODER_ID, name: 'consensus', updatedAt: done.entry!.at });
    const [made] = await consensusOf(store);
    // The quote is the code-point slice of the post: the family emoji is five code points.
    expect(made).toMatchObject({ postId: 'p-2', threadId: 't-1', codeId: 'c-what', coderId: CONSENSUS_CODER_ID, start: 0, end: 16, quote: 'What about 👩‍👩‍👧', memo: base.memo, codebookVersionId: 'v-1' });
    expect(made!.provenance).toEqual({ sourceCodingIds: ['b-2'], decidedBy: ADA.id, decidedAt: done.entry!.at, decisionId: 'p-2|c-what' });
    expect(done.result).toEqual({
      id: 'p-2|c-what',
      postId: 'p-2',
      codeId: 'c-what',
      roundId: 'r-1',
      outcome: 'accept',
      acceptedCoderIds: [BEN.id],
      consensusCodingIds: [made!.id],
      memo: base.memo,
      decidedBy: ADA.id,
      decidedAt: done.entry!.at,
      proposed: false,
    });
    const [listed] = await store.read((r) => listDisagreements(r, { roundId: 'r-1' }));
    expect(listed!.decision).toMatchObject({ outcome: 'accept', acceptedCoderIds: [BEN.id] });
  });

  it('both: every coder’s distinct spans, a span several coders share once, citing all of them', async () => {
    const store = threeCoders(codings);
    const done = applied(await runner(store)(decideDisagreement, { ...base, outcome: 'both' }));
    expect(spans(await consensusOf(store))).toEqual(['p-2|c-what 0-4 What ← c-2+d-2', 'p-2|c-what 0-16 What about 👩‍👩‍👧 ← b-2', 'p-2|c-what 11-16 👩‍👩‍👧 ← d-2b']);
    expect(done.result.acceptedCoderIds).toEqual([BEN.id, CEM.id, DEE.id]);
  });

  it('none, adjust and add; re-deciding replaces the decision and its consensus codings', async () => {
    const store = threeCoders(codings);
    const run = runner(store);
    applied(await run(decideDisagreement, { ...base, outcome: 'accept', coderId: BEN.id }));
    const adjusted = applied(await run(decideDisagreement, { ...base, outcome: 'adjust', spans: [{ start: 5, end: 10 }, { start: 0, end: 4 }, { start: 5, end: 10 }] }));
    expect(spans(await consensusOf(store))).toEqual(['p-2|c-what 0-4 What ← b-2+c-2+d-2+d-2b', 'p-2|c-what 5-10 about ← b-2+c-2+d-2+d-2b']);
    expect(adjusted.result).toMatchObject({ outcome: 'adjust', acceptedCoderIds: [] });
    expect(adjusted.entry!.changes.filter((c) => c.table === 'codings').map((c) => (c.after === null ? 'removed' : 'added'))).toEqual(['removed', 'added', 'added']);
    const none = applied(await run(decideDisagreement, { ...base, outcome: 'none', memo: 'not whataboutism' }));
    expect(await consensusOf(store)).toEqual([]);
    expect(none.result).toMatchObject({ outcome: 'none', consensusCodingIds: [], memo: 'not whataboutism' });
    expect(await store.read((r) => r.decisions())).toHaveLength(1);
    // add: a code no coder applied in the post.
    const added = applied(await run(decideDisagreement, { ...base, codeId: 'c-derail', outcome: 'add', spans: [{ start: 17, end: 26 }] }));
    expect(spans(await consensusOf(store))).toEqual(['p-2|c-derail 17-26 families? ← ']);
    expect(added.result).toMatchObject({ id: 'p-2|c-derail', outcome: 'add' });
  });

  it('deciding the same way again writes nothing', async () => {
    const store = threeCoders(codings);
    const run = runner(store);
    applied(await run(decideDisagreement, { ...base, outcome: 'both' }));
    const again = applied(await run(decideDisagreement, { ...base, outcome: 'both' }));
    expect(again.entry).toBeNull();
  });

  it('undo (the revert operation) takes a decision back, and then the one before it', async () => {
    const store = threeCoders(codings);
    const run = runner(store);
    const first = applied(await run(decideDisagreement, { ...base, outcome: 'accept', coderId: CEM.id }));
    const before = await store.read((r) => Promise.all([r.decisions(), r.allCodings()]));
    const second = applied(await run(decideDisagreement, { ...base, outcome: 'accept', coderId: BEN.id }));
    applied(await run(revertEntry, { entryId: second.entry!.id, verb: 'undo' }));
    const [decisions, all] = await store.read((r) => Promise.all([r.decisions(), r.allCodings()]));
    expect(decisions.map((d) => ({ ...d, updatedAt: undefined }))).toEqual(before[0].map((d) => ({ ...d, updatedAt: undefined })));
    expect(all.map((c) => c.id).sort()).toEqual(before[1].map((c) => c.id).sort());
    applied(await run(revertEntry, { entryId: first.entry!.id, verb: 'undo' }));
    expect(await store.read((r) => r.decisions())).toEqual([]);
    expect(await consensusOf(store)).toEqual([]);
    expect((await store.read((r) => r.coders())).map((c) => c.id)).not.toContain(CONSENSUS_CODER_ID);
  });

  it('refuses what cannot be decided, naming the field', async () => {
    const run = runner(threeCoders(codings));
    const refusal = async (input: DecideInput) => {
      const result = await run(decideDisagreement, input);
      return result.ok ? 'accepted' : `${result.error.field}: ${result.error.message}`;
    };
    // p-2 is 26 code points long (the family emoji counts five).
    expect(await refusal({ ...base, outcome: 'adjust', spans: [{ start: 0, end: 4 }, { start: 20, end: 27 }] })).toBe('spans.1: range 20–27 does not fit post p-2 (length 26; need 0 ≤ start < end ≤ length)');
    expect(await refusal({ ...base, outcome: 'add', spans: [{ start: 3, end: 3 }] })).toMatch(/^spans\.0: range 3–3/);
    expect(await refusal({ ...base, outcome: 'adjust' })).toBe('spans: adjust needs the spans to code');
    expect(await refusal({ ...base, outcome: 'add', spans: [{ start: 0, end: 4 }] })).toBe('outcome: coders applied this code here: adjust their spans instead of adding');
    expect(await refusal({ ...base, outcome: 'none', spans: [{ start: 0, end: 4 }] })).toBe('spans: only adjust and add take spans, not none');
    expect(await refusal({ ...base, outcome: 'accept' })).toBe('coderId: accept needs the coder whose codings are accepted');
    expect(await refusal({ ...base, outcome: 'accept', coderId: ADA.id })).toBe('coderId: coder coder-ada is not one of the coders assigned post p-2');
    expect(await refusal({ ...base, outcome: 'accept', coderId: CONSENSUS_CODER_ID })).toMatch(/^coderId: /);
    expect(await refusal({ ...base, postId: 'p-1', outcome: 'none' })).toBe("roundId: post p-1 is not one of the round's posts");
    expect(await refusal({ ...base, postId: 'p-4', roundId: null, outcome: 'none' })).toMatch(/^postId: the post is a placeholder/);
    expect(await refusal({ ...base, postId: 'p-9', outcome: 'none' })).toBe('postId: post p-9 does not exist');
    expect(await refusal({ ...base, codeId: 'c-x', outcome: 'none' })).toBe('codeId: code c-x does not exist');
    expect(await refusal({ ...base, roundId: 'r-9', outcome: 'none' })).toBe('roundId: round r-9 does not exist');
  });

  it('is refused in a blind coder project', async () => {
    const store = threeCoders(codings);
    const project = (await store.read((r) => r.project()))!;
    const blind = { ...project, package: { projectId: 'lead', projectName: 'Lead', roundId: 'r-1', roundName: 'Round 1', coderId: BEN.id, coderName: 'Ben', codebookVersionId: 'v-1', previousCodebookVersionId: null, instructions: '', preparedAt: project.createdAt } };
    await store.transact((tx) => tx.apply({ projects: [{ before: project, after: blind }] }, { id: 'e-1', seq: 1, at: project.createdAt, actorId: BEN.id, actorName: 'Ben', operation: 'test', summary: 'test', reverts: null, changes: [], addedPosts: [] }));
    const run = runner(store);
    for (const result of [await run(decideDisagreement, { ...base, outcome: 'none' }), await run(seedConsensusAgreements, {})]) {
      expect(result.ok ? null : result.error).toEqual({ record: 'project', field: 'package', message: "is Ben's package of “Round 1”: adjudication happens in the lead's project" });
    }
  });

  it('a removed consensus coding stops being an exemplar, so re-deciding is never refused by one', async () => {
    const store = threeCoders(codings);
    const run = runner(store);
    const first = applied(await run(decideDisagreement, { ...base, outcome: 'accept', coderId: BEN.id }));
    applied(await run(setExemplar, { codingId: first.result.consensusCodingIds[0]!, on: true }));
    applied(await run(decideDisagreement, { ...base, outcome: 'none' }));
    const what = (await store.read((r) => r.codes())).find((c) => c.id === 'c-what')!;
    expect(what.exemplarCodingIds).toEqual([]);
  });
});

describe('the majority rule and agreed units', () => {
  const codings = [
    // p-2 c-what: Ben and Dee share 0–4, Cem codes 0–16: the majority's span is 0–4.
    coding('b-2', 'p-2', 'c-what', BEN.id, 0, 4),
    coding('c-2', 'p-2', 'c-what', CEM.id, 0, 16),
    coding('d-2', 'p-2', 'c-what', DEE.id, 0, 4),
    // p-2 c-false: only Cem: the majority did not apply it.
    coding('c-2f', 'p-2', 'c-false', CEM.id, 0, 4),
    // p-3 c-false: Ben and Cem applied it with different spans: no span a majority shares, Ben's (first by name) taken.
    coding('b-3', 'p-3', 'c-false', BEN.id, 8, 27),
    coding('c-3', 'p-3', 'c-false', CEM.id, 10, 27),
    // p-5 c-derail: everybody agrees.
    coding('b-5', 'p-5', 'c-derail', BEN.id, 0, 9),
    coding('c-5', 'p-5', 'c-derail', CEM.id, 0, 9),
    coding('d-5', 'p-5', 'c-derail', DEE.id, 0, 9),
  ];

  it('proposes a decision for each open disagreement a majority settles; their codings exist; confirming is deciding again', async () => {
    const store = threeCoders(codings);
    const run = runner(store);
    const done = applied(await run(proposeMajority, { roundId: 'r-1' }));
    expect(done.result).toEqual({ decided: 3, left: 0, kept: 0, agreed: { units: 1, added: 1, removed: 0 } });
    expect(done.summary).toBe('Proposed 3 decisions by the majority rule in “Round 1” (0 disagreements left; 1 agreed unit, 1 coding added, 0 codings removed)');
    const decisions = (await store.read((r) => r.decisions())).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(decisions.map((d) => [d.id, d.outcome, d.acceptedCoderIds.join('+'), d.proposed])).toEqual([
      ['p-2|c-false', 'none', '', true],
      ['p-2|c-what', 'accept', `${BEN.id}+${DEE.id}`, true],
      ['p-3|c-false', 'accept', BEN.id, true],
    ]);
    expect(spans(await consensusOf(store))).toEqual(['p-2|c-what 0-4 What ← b-2+d-2', 'p-3|c-false 8-27 a false equivalence ← b-3', 'p-5|c-derail 0-9 Whatabout ← b-5+c-5+d-5']);
    const agreedCoding = (await consensusOf(store)).find((c) => c.postId === 'p-5')!;
    expect(agreedCoding.provenance).toMatchObject({ decisionId: 'agreed:p-5|c-derail', sourceCodingIds: ['b-5', 'c-5', 'd-5'] });

    // Proposing again leaves decided disagreements alone.
    expect(applied(await run(proposeMajority, { roundId: 'r-1' })).entry).toBeNull();
    // Confirming: the same decision, no longer proposed.
    const confirmed = applied(await run(decideDisagreement, { postId: 'p-2', codeId: 'c-what', roundId: 'r-1', memo: '', outcome: 'accept', coderId: BEN.id }));
    expect(confirmed.result).toMatchObject({ proposed: false, acceptedCoderIds: [BEN.id] });
  });

  it('needs three or more coders in the round', async () => {
    const store = teamProject({ codings, rounds: [round('r-1', 1, [BEN.id, CEM.id], ['p-2'])] });
    const result = await runner(store)(proposeMajority, { roundId: 'r-1' });
    expect(result.ok ? null : result.error).toEqual({ record: 'round “Round 1”', field: 'coderIds', message: 'the majority rule needs three or more coders; the round has 2' });
  });

  it('applyConsensusRule majority decides (not proposed) and leaves ties; coder:NAME accepts that coder where assigned', async () => {
    const tie = [...codings, coding('a-2', 'p-3', 'c-what', BEN.id, 0, 4), coding('a-3', 'p-3', 'c-what', CEM.id, 0, 4), coding('e-3', 'p-3', 'c-what', 'coder-eve', 0, 4)];
    const store = teamProject({
      codings: tie,
      coders: [ADA, BEN, CEM, DEE, { id: 'coder-eve', name: 'Eve' }],
      rounds: [round('r-1', 1, [BEN.id, CEM.id, DEE.id, 'coder-eve'], ['p-2', 'p-3', 'p-5'])],
    });
    const run = runner(store);
    const majority = applied(await run(applyConsensusRule, { rule: { kind: 'majority' } }));
    // Four coders, a majority is three. p-2 c-what: three applied, 0–4 shared by two only → Ben's (first by name);
    // p-2 c-false: three did not; p-3 c-what: three share 0–4; p-3 c-false: two against two, a tie; p-5 c-derail: Eve did not.
    expect(majority.result).toMatchObject({ decided: 4, left: 1, kept: 0 });
    const p2 = (await store.read((r) => r.decisions())).find((d) => d.id === 'p-2|c-what')!;
    expect(p2.acceptedCoderIds).toEqual([BEN.id, DEE.id]);
    expect((await store.read((r) => r.decisions())).every((d) => !d.proposed && d.memo === 'majority rule' && d.roundId === 'r-1')).toBe(true);
    const byCoder = applied(await run(applyConsensusRule, { rule: { kind: 'coder', coderName: 'cem' }, roundId: 'r-1' }));
    // Confirmed decisions stand: only the tie is left for the rule.
    expect(byCoder.result).toMatchObject({ decided: 1, kept: 4, left: 0 });
    const tieDecision = (await store.read((r) => r.decisions())).find((d) => d.id === 'p-3|c-false')!;
    expect(tieDecision).toMatchObject({ outcome: 'accept', acceptedCoderIds: [CEM.id], memo: 'coder rule: Cem', proposed: false });
    const refused = await run(applyConsensusRule, { rule: { kind: 'coder', coderName: 'Ada' }, roundId: 'r-1' });
    expect(refused.ok ? null : refused.error.message).toBe('no coder “Ada” among the coders of “Round 1” (coders: Ben, Cem, Dee, Eve)');
  });

  it('coder:NAME replaces proposed decisions, and only where the coder was assigned the post', async () => {
    const store = teamProject({
      codings: [...codings, coding('b-6', 'p-6', 'c-what', BEN.id, 0, 6)],
      rounds: [round('r-1', 1, [BEN.id, CEM.id, DEE.id], ['p-2', 'p-3', 'p-5'])],
      // Ben and Cem also had p-6 (a file), Dee did not.
      assignments: [
        { id: 'a-b6', coderId: BEN.id, postIds: ['p-6'], source: 'file' },
        { id: 'a-c6', coderId: CEM.id, postIds: ['p-6'], source: 'file' },
      ],
    });
    const run = runner(store);
    applied(await run(proposeMajority, { roundId: 'r-1' }));
    const dee = applied(await run(applyConsensusRule, { rule: { kind: 'coder', coderName: 'Dee' } }));
    expect(dee.result).toMatchObject({ decided: 3, left: 1, kept: 0 });
    const decisions = (await store.read((r) => r.decisions())).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(decisions.map((d) => [d.id, d.outcome, d.acceptedCoderIds.join('+'), d.proposed])).toEqual([
      ['p-2|c-false', 'accept', DEE.id, false],
      ['p-2|c-what', 'accept', DEE.id, false],
      ['p-3|c-false', 'accept', DEE.id, false],
    ]);
    // Dee did not apply c-false in p-3: accepted, so nothing is coded there.
    expect(spans(await consensusOf(store))).toEqual(['p-2|c-what 0-4 What ← d-2', 'p-5|c-derail 0-9 Whatabout ← b-5+c-5+d-5']);
  });

  it('seeds agreed units once, and takes a unit’s agreed codings away when the coders no longer agree', async () => {
    const store = threeCoders(codings);
    const run = runner(store);
    const seeded = applied(await run(seedConsensusAgreements, { roundId: 'r-1' }));
    expect(seeded.result).toEqual({ units: 1, added: 1, removed: 0 });
    expect(seeded.summary).toBe('Consensus layer: 1 agreed unit, 1 coding added, 0 codings removed');
    expect(applied(await run(seedConsensusAgreements, {})).entry).toBeNull();
    applied(await run(removeCoding, { codingId: 'd-5' }));
    const again = applied(await run(seedConsensusAgreements, {}));
    expect(again.result).toEqual({ units: 0, added: 0, removed: 1 });
    expect(await consensusOf(store)).toEqual([]);
    // Dee codes it again with another span, then like the others: a new agreed coding.
    applied(await run(addCoding, { postId: 'p-5', codeId: 'c-derail', start: 0, end: 9 }, DEE));
    expect(applied(await run(seedConsensusAgreements, {})).result).toEqual({ units: 1, added: 1, removed: 0 });
    expect((await consensusOf(store))[0]!.quote).toBe(TEXTS['p-5']!.slice(0, 9));
  });

  it('refuses to make the consensus layer when a coder already has its name', async () => {
    const store = teamProject({ codings, coders: [ADA, BEN, CEM, DEE, { id: 'coder-x', name: 'Consensus' }], rounds: [round('r-1', 1, [BEN.id, CEM.id, DEE.id], ['p-2', 'p-3', 'p-5'])] });
    const result = await runner(store)(seedConsensusAgreements, {});
    expect(result.ok ? null : result.error).toMatchObject({ record: 'coder “Consensus” (id coder-x)', field: 'name' });
  });
});
