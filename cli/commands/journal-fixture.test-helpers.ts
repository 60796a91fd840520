/**
 * Test-only: a bundle with a journal of several actors, operations and days, made the way the CLI
 * and the app make one: a thread import by the CLI, then core operations as Ada and Ben.
 */
import { expect } from 'vitest';

import { addCode, editCode } from '@shared/project/operations/codebook';
import { addCoder } from '@shared/project/operations/coders';
import { addCoding } from '@shared/project/operations/codings';
import { revertEntry } from '@shared/project/operations/revert';
import type { Operation } from '@shared/project/operation';
import { runOperation } from '@shared/project/run-operation';

import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { openProjectFile, saveProjectFile } from '../project/bundle-file';
import { importCommand } from './import';

export const ADA = { id: 'coder-ada', name: 'Ada' };
export const BEN = { id: 'coder-ben', name: 'Ben' };

/** When each entry is made: #1 the import … #7 the undo of #6. */
export const TIMES = [
  '2026-03-12T08:00:00.000Z',
  '2026-03-12T09:00:00.000Z',
  '2026-03-12T10:00:00.000Z',
  '2026-03-12T11:00:00.000Z',
  '2026-03-12T12:00:00.000Z',
  '2026-03-13T09:00:00.000Z',
  '2026-03-13T09:30:00.000Z',
];

export const DAY1 = 'id,parent_id,thread_id,text,author\n1,,1,Men are victims too?,op\n2,1,1,What about the men? All lives matter.,ann\n';

/**
 * `journal.threadmark.json` in a memory io, with the entries:
 * #1 threads.import (threadmark-cli), #2 coders.add (Ada), #3 coders.add (Ben), #4 code.add
 * “Whataboutism” (Ada), #5 coding.add (Ben), #6 code.edit (Ada, next day), #7 revert of #6 (Ada).
 */
export async function journalProject() {
  let n = 0;
  const ids = { newId: () => `id-${++n}` };
  let tick = 0;
  const clock = { now: () => TIMES[Math.min(tick++, TIMES.length - 1)]! };
  const m = memoryImportIo({ 'day1.csv': DAY1 });
  expect(await importCommand(['day1.csv', '-o', 'journal.threadmark.json'], m.io, { clock: { now: () => TIMES[0]! }, ids })).toBe(0);
  tick = 1;
  const opened = await openProjectFile('journal.threadmark.json', m.io);
  if (!opened.ok) throw new Error(opened.error.lines.join('\n'));
  const { store } = opened.value;
  const run = async <I, S, R>(op: Operation<I, S, R>, input: I, actor: { id: string; name: string }): Promise<R> => {
    const result = await runOperation(store, op, input, { clock, ids, actor });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.result;
  };
  await run(addCoder, { name: 'Ada', id: ADA.id }, ADA);
  await run(addCoder, { name: 'Ben', id: BEN.id }, BEN);
  const code = await run(addCode, { name: 'Whataboutism', color: '#3355aa' }, ADA);
  const post = (await store.read((r) => r.allPosts())).find((p) => p.text.startsWith('What about'))!;
  const coding = await run(addCoding, { postId: post.id, codeId: code.id, start: 0, end: 18 }, BEN);
  await run(editCode, { codeId: code.id, patch: { definition: 'Changes the subject to another wrong.' } }, ADA);
  const edit = (await store.read((r) => r.journal())).at(-1)!;
  await run(revertEntry, { entryId: edit.id, verb: 'undo' }, ADA);
  const saved = await saveProjectFile(store, 'journal.threadmark.json', m.io, { exportedAt: TIMES.at(-1)!, app: { name: 'Threadmark', version: 'test' } });
  if (!saved.ok) throw new Error(saved.error.kind);
  // A fresh io holding just the bundle, so a test sees only its own command's output.
  const fresh = memoryImportIo({ 'journal.threadmark.json': m.text('journal.threadmark.json') as string });
  return { m: fresh, journal: saved.value.journal ?? [], code, coding, post };
}
