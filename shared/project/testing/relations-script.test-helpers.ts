/**
 * One scripted sequence of relation work, run through any ProjectStore (the Dexie adapter, the
 * bundle adapter): a thread of five posts, two coders, a relation codebook, each coder's relations
 * (some the same, some not), a memo, an undo. Returns the project bundle's text.
 */
import { serializeBundle } from '../../bundle/serialize';
import type { Clock, IdSource } from '../../util/clock';
import { addCoder } from '../operations/coders';
import { addRelation, defineRelationCode, setRelationMemo } from '../operations/relations';
import { revertEntry } from '../operations/revert';
import type { Operation } from '../operation';
import type { ProjectStore } from '../project-store';
import { projectBundle } from '../queries/project-bundle';
import { runOperation } from '../run-operation';
import { post, thread, T0 } from './core-fixtures.test-helpers';

const ADA = { id: 'coder-ada', name: 'Ada' };
const BEN = { id: 'coder-ben', name: 'Ben' };
const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

export async function runRelationsScript(store: ProjectStore, { clock, ids }: { clock: Clock; ids: IdSource }): Promise<string> {
  const run = async <I, S, R>(op: Operation<I, S, R>, input: I, actor = ADA): Promise<R & { entryId: string | undefined }> => {
    const result = await runOperation(store, op, input, { clock, ids, actor });
    if (!result.ok) throw new Error(`${op.kind} refused: ${result.error.message}`);
    return Object.assign(Object.create(null) as object, result.value.result, { entryId: result.value.entry?.id }) as R & { entryId: string | undefined };
  };
  const posts = [post('p-1', 'Men are victims too', null), post('p-2', 'What about 👩‍👩‍👧 families?'), post('p-3', 'That is a false equivalence', 'p-2'), post('p-4', 'Both matter'), post('p-5', 'Agreed', 'p-4')];
  await store.transact((tx) =>
    tx.apply(
      { projects: [{ before: null, after: { id: 'project-1', name: 'Relations', createdAt: T0 } }], threads: [{ before: null, after: thread() }], posts: posts.map((after) => ({ before: null, after })) },
      { id: 'seed', seq: 1, at: T0, actorId: ADA.id, actorName: ADA.name, operation: 'test.seed', summary: 'seed', changes: [], addedPosts: [{ threadId: 't-1', postIds: posts.map((p) => p.id) }], reverts: null },
    ),
  );
  await run(addCoder, { name: ADA.name, id: ADA.id });
  await run(addCoder, { name: BEN.name, id: BEN.id });
  const deflects = await run(defineRelationCode, { name: 'deflects to', definition: 'Points at another issue.' });
  const answers = await run(defineRelationCode, { name: 'answers' });
  const add = (actor: typeof ADA, code: { id: string }, from: { postId: string; start?: number; end?: number }, to: { postId: string }) => run(addRelation, { relationCodeId: code.id, from, to }, actor);
  const first = await add(ADA, deflects, { postId: 'p-2', start: 11, end: 16 }, { postId: 'p-1' });
  await run(setRelationMemo, { relationId: first.id, memo: 'the family as a shield' });
  await add(ADA, answers, { postId: 'p-3' }, { postId: 'p-2' });
  await add(ADA, answers, { postId: 'p-4' }, { postId: 'p-1' });
  const undone = await add(ADA, deflects, { postId: 'p-5' }, { postId: 'p-1' });
  await run(revertEntry, { entryId: undone.entryId!, verb: 'undo' });
  await add(BEN, deflects, { postId: 'p-2' }, { postId: 'p-1' }, );
  await add(BEN, deflects, { postId: 'p-3' }, { postId: 'p-2' });
  await add(BEN, answers, { postId: 'p-4' }, { postId: 'p-1' });
  await add(BEN, answers, { postId: 'p-5' }, { postId: 'p-4' });
  const bundle = await store.read((r) => projectBundle(r, HEAD));
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}
