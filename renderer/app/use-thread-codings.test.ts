import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import type { Coding } from '@shared/model/records';
import { addCoding, removeCoding } from '@shared/project/operations/codings';
import { mergeCodes } from '@shared/project/operations/codebook';
import { deleteThread } from '@shared/project/operations/threads';
import { revertEntry } from '@shared/project/operations/revert';
import { runOperation } from '@shared/project/run-operation';
import { byPosition, compareStrings } from '@shared/project/record-order';

import { ThreadmarkDB } from '../db/database';
import { DexieProjectStore } from '../db/dexie-project-store';
import { ANA, openSampleProject, until } from '../db/testing/sample-project';
import { testClock, testIds } from '../db/testing/test-support';
import { followThreadCodings } from './use-thread-codings';

/** The independent answer: the thread's codings read again and sorted here. */
async function reread(db: ThreadmarkDB, threadId: string): Promise<Coding[]> {
  const codings = await db.codings.where('threadId').equals(threadId).toArray();
  return codings.sort((a, b) => compareStrings(a.postId, b.postId) || byPosition(a, b));
}

describe('a thread’s codings followed from the journal', () => {
  it('equal a fresh read of the thread after adds, removals, a merge, a thread deletion and its undo', async () => {
    const { db, store, run } = await openSampleProject();
    let followed: Coding[] | null = null;
    let changes = 0;
    const stop = followThreadCodings(store, 't-b', (codings) => {
      followed = codings;
      changes++;
    }, (error) => {
      throw error;
    });
    await until(() => followed !== null, 'the first read');
    const same = async () => expect(followed).toEqual(await reread(db, 't-b'));
    await same();
    expect(followed!.map((c) => c.id)).toEqual(['k-1', 'k-2', 'k-4', 'k-3']);

    // Inserted in order: before, between and after what is there; one in another thread changes nothing here.
    await run(addCoding, { postId: 'p-b1', codeId: 'c-whatabout', start: 0, end: 1 });
    await run(addCoding, { postId: 'p-b2', codeId: 'c-agree', start: 2, end: 4 });
    await run(addCoding, { postId: 'p-b3', codeId: 'c-agree', start: 10, end: 12 });
    await same();
    const seen = changes;
    await run(addCoding, { postId: 'p-a1', codeId: 'c-agree', start: 0, end: 2 });
    expect(changes).toBe(seen);
    await run(removeCoding, { codingId: 'k-2' });
    await same();
    // A merge rewrites codings' codes.
    await run(mergeCodes, { sourceCodeIds: ['c-agree'], targetCodeId: 'c-whatabout' });
    await same();
    expect(followed!.some((c) => c.codeId === 'c-agree')).toBe(false);
    const deleted = await run(deleteThread, { threadId: 't-b' });
    await same();
    expect(followed).toEqual([]);
    await run(revertEntry, { entryId: deleted.entry!.id, verb: 'undo' });
    await same();
    expect(followed!.length).toBeGreaterThan(0);
    stop();
    await db.delete();
  });

  it('takes another connection’s writes as the journal grows, and reads again after an entry it missed', async () => {
    const { db, store } = await openSampleProject();
    let followed: Coding[] | null = null;
    const stop = followThreadCodings(store, 't-b', (codings) => (followed = codings), (error) => {
      throw error;
    });
    await until(() => followed !== null, 'the first read');
    // Another window (its own connection and store): told here only through the journal.
    const other = new ThreadmarkDB(db.name);
    const elsewhere = new DexieProjectStore(other);
    const env = { clock: testClock(), ids: testIds('other'), actor: ANA };
    const added = await runOperation(elsewhere, addCoding, { postId: 'p-b3', codeId: 'c-agree', start: 1, end: 3 }, env);
    expect(added.ok).toBe(true);
    await until(async () => JSON.stringify(followed) === JSON.stringify(await reread(db, 't-b')), 'the other window’s coding');
    // Two more there, then one here: this window's entry is told first, one seq ahead of what was seen.
    await runOperation(elsewhere, addCoding, { postId: 'p-b1', codeId: 'c-agree', start: 0, end: 1 }, env);
    await runOperation(store, addCoding, { postId: 'p-b2', codeId: 'c-agree', start: 0, end: 1 }, { ...env, ids: testIds('here') });
    await until(async () => JSON.stringify(followed) === JSON.stringify(await reread(db, 't-b')), 'a read after the gap');
    expect(followed!.length).toBe((await reread(db, 't-b')).length);
    stop();
    other.close();
    await db.delete();
  });
});
