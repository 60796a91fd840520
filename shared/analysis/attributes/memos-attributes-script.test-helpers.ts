/**
 * One scripted sequence of memo and attribute operations, run through any ProjectStore: the parity
 * test runs it through the app's Dexie adapter and through the CLI's bundle adapter and compares
 * the bundles, the attribute tables, their CSV and the memo list. Deterministic.
 */
import { serializeBundle } from '../../bundle/serialize';
import { addCode } from '../../project/operations/codebook';
import { addCoder } from '../../project/operations/coders';
import { addCoding } from '../../project/operations/codings';
import { defineAttribute, setAttributeValue } from '../../project/operations/attributes';
import { importAttributeCsv } from '../../project/operations/attributes-import';
import { writeMemo } from '../../project/operations/memos';
import { revertEntry } from '../../project/operations/revert';
import { importThreads } from '../../project/operations/threads-import';
import type { Operation } from '../../project/operation';
import type { ProjectStore } from '../../project/project-store';
import { projectBundle } from '../../project/queries/project-bundle';
import { runOperation, type Applied } from '../../project/run-operation';
import { scriptThreadsImport } from '../../project/testing/parity-script.test-helpers';
import type { Clock, IdSource } from '../../util/clock';
import { memoList } from '../memos/memo-list';
import { attributesCsv } from './attributes-csv';
import { attributesOf } from './attributes-of';

const ADA = { id: 'coder-ada', name: 'Ada' };
const HEAD = { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'parity' } };

export interface ScriptOutput {
  bundle: string;
  attributes: string;
  authorCsv: string;
  threadCsv: string;
  memos: string;
}

export async function runMemosAttributesScript(store: ProjectStore, { clock, ids }: { clock: Clock; ids: IdSource }): Promise<ScriptOutput> {
  const run = async <I, S, R>(op: Operation<I, S, R>, input: I): Promise<Applied<R>> => {
    const result = await runOperation(store, op, input, { clock, ids, actor: ADA });
    if (!result.ok) throw new Error(`${op.kind} refused: ${result.error.record ?? ''} ${result.error.message}`);
    return result.value;
  };
  await run(addCoder, { name: 'Ada', id: ADA.id });
  await run(importThreads, await scriptThreadsImport(store, { clock, ids }, 'Memos'));

  const project = (await store.read((r) => r.project()))!;
  const threads = await store.read((r) => r.threads());
  const posts = await store.read((r) => r.allPosts());
  const reddit = threads.find((t) => t.platform === 'reddit')!;
  const reply = posts.find((p) => p.author === 'ann')!;
  const code = await run(addCode, { name: 'Whataboutism', color: '#3355aa' });

  await run(writeMemo, { target: { kind: 'project', id: project.id }, text: 'RQ: how do threads derail?' });
  await run(writeMemo, { target: { kind: 'thread', id: reddit.id }, text: 'Calm opening; the reply derails.' });
  await run(writeMemo, { target: { kind: 'post', id: reply.id }, text: 'Classic whataboutism 👩‍👩‍👧' });
  await run(writeMemo, { target: { kind: 'code', id: code.result.id }, text: 'Deflects to another group.' });
  await run(addCoding, { postId: reply.id, codeId: code.result.id, start: 0, end: 18, memo: 'the hinge' });

  const stance = await run(defineAttribute, { scope: 'author', name: 'Stance', type: 'text' });
  await run(setAttributeValue, { attributeId: stance.result.id, subject: 'ann', text: 'anti' });
  const topic = await run(defineAttribute, { scope: 'thread', name: 'Topic', type: 'text' });
  await run(setAttributeValue, { attributeId: topic.result.id, subject: reddit.id, text: 'gender' });
  await run(importAttributeCsv, { scope: 'author', fileName: 'authors.csv', text: 'author,Stance,Age\nann,,34\nben,pro,51.5\ncem,neutral,\n' });
  const undone = await run(setAttributeValue, { attributeId: stance.result.id, subject: 'dee', text: 'pro' });
  await run(revertEntry, { entryId: undone.entry!.id, verb: 'undo' });

  const bundle = await store.read((r) => projectBundle(r, HEAD));
  if (!bundle.ok) throw new Error(bundle.error.message);
  const tables = await store.read(attributesOf);
  return {
    bundle: serializeBundle(bundle.value),
    attributes: JSON.stringify(tables, null, 2),
    authorCsv: attributesCsv(tables.author),
    threadCsv: attributesCsv(tables.thread),
    memos: JSON.stringify(await store.read(memoList), null, 2),
  };
}
