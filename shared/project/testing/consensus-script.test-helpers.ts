/**
 * One scripted adjudication, run through any ProjectStore: a round of three coders, their codings
 * (over an emoji), the majority rule's proposals, decisions of every kind, an undo, a coder rule
 * and the agreed units. renderer/db/consensus.parity.test.ts runs it through Dexie and through the
 * bundle adapter and compares the exported bundles byte for byte. Deterministic.
 */
import { serializeBundle } from '../../bundle/serialize';
import type { Clock, IdSource } from '../../util/clock';
import type { Operation } from '../operation';
import { addCode } from '../operations/codebook';
import { addCoder } from '../operations/coders';
import { addCoding } from '../operations/codings';
import { applyConsensusRule, decideDisagreement, proposeMajority, seedConsensusAgreements } from '../operations/consensus';
import { revertEntry } from '../operations/revert';
import { startRound } from '../operations/rounds';
import { importThreads } from '../operations/threads-import';
import type { ProjectStore } from '../project-store';
import { projectBundle } from '../queries/project-bundle';
import { runOperation, type Applied } from '../run-operation';
import { ADA, thread } from './core-fixtures.test-helpers';
import { BEN, CEM, DEE, teamPosts } from './team-fixtures.test-helpers';

const HEAD = { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'parity' } };

/** Runs the script; returns the exported bundle's text. Throws on any refused step (a script bug). */
export async function runConsensusScript(store: ProjectStore, { clock, ids }: { clock: Clock; ids: IdSource }): Promise<string> {
  const run = async <I, S, R>(op: Operation<I, S, R>, input: I, actor = ADA): Promise<Applied<R>> => {
    const result = await runOperation(store, op, input, { clock, ids, actor });
    if (!result.ok) throw new Error(`${op.kind} refused: ${result.error.record ?? ''} ${result.error.field ?? ''} ${result.error.message}`);
    return result.value;
  };

  for (const coder of [ADA, BEN, CEM, DEE]) await run(addCoder, { name: coder.name, id: coder.id });
  await run(importThreads, { threads: [thread(), { ...thread('t-2', 'p-5'), importedAt: '2025-01-01T01:00:00.000Z' }], posts: teamPosts(), projectName: 'Consensus parity', source: 'team.json' });
  const what = (await run(addCode, { name: 'Whataboutism', color: '#3355aa' })).result.id;
  const falseEq = (await run(addCode, { name: 'False equivalence', color: '#aa3355' })).result.id;
  const derail = (await run(addCode, { name: 'Derailing', color: '#55aa33' })).result.id;
  const round = (await run(startRound, { coderIds: [BEN.id, CEM.id, DEE.id], selection: { kind: 'threads', threadIds: ['t-1', 't-2'] }, instructions: 'Code whataboutism.' })).result;

  const codings: Array<[typeof BEN, string, string, number, number]> = [
    [BEN, 'p-2', what, 0, 4],
    [CEM, 'p-2', what, 0, 16],
    [DEE, 'p-2', what, 0, 4],
    [CEM, 'p-2', falseEq, 11, 16],
    [BEN, 'p-3', falseEq, 8, 27],
    [CEM, 'p-3', falseEq, 10, 27],
    [BEN, 'p-5', derail, 0, 9],
    [CEM, 'p-5', derail, 0, 9],
    [DEE, 'p-5', derail, 0, 9],
    [BEN, 'p-6', what, 0, 6],
  ];
  for (const [coder, postId, codeId, start, end] of codings) await run(addCoding, { postId, codeId, start, end }, coder);

  await run(proposeMajority, { roundId: round.id });
  await run(decideDisagreement, { postId: 'p-2', codeId: what, roundId: round.id, memo: 'the 👩‍👩‍👧 is the point', outcome: 'both' });
  await run(decideDisagreement, { postId: 'p-3', codeId: falseEq, roundId: round.id, memo: 'shorter', outcome: 'adjust', spans: [{ start: 10, end: 15 }] });
  const added = await run(decideDisagreement, { postId: 'p-2', codeId: derail, roundId: round.id, memo: '', outcome: 'add', spans: [{ start: 17, end: 26 }] });
  await run(revertEntry, { entryId: added.entry!.id, verb: 'undo' });
  await run(applyConsensusRule, { rule: { kind: 'coder', coderName: 'Cem' }, roundId: round.id });
  await run(seedConsensusAgreements, {});

  const bundle = await store.read((r) => projectBundle(r, HEAD));
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}
