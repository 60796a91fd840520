import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import type { Coding } from '@shared/model/records';
import { addCoding, removeCoding } from '@shared/project/operations/codings';
import { journalEntry, runOperation } from '@shared/project/run-operation';

import { openSampleProject } from './testing/sample-project';

const AT = '2025-05-02T09:00:00.000Z';

function aCoding(id: string): Coding {
  return { id, postId: 'p-b1', threadId: 't-b', codeId: 'c-agree', coderId: 'coder-ana', start: 0, end: 1, quote: '', memo: '', createdAt: AT, updatedAt: AT };
}

/**
 * A coding's transaction locks the tables addCoding names (Operation.tables) and the journal, not
 * every table: it no longer waits behind a read of another table (a backup's piece, the Search
 * Worker), and it still stores the coding, its count and its journal entry together or not at all.
 */
describe('a coding in a transaction over its own tables', () => {
  /** Whether the coding finished while a long read of the memos was still open. */
  async function codedDuringMemoRead(operation: typeof addCoding): Promise<boolean> {
    const { db, store, env } = await openSampleProject();
    let coded = false;
    const reading = db.transaction('r', db.memos, async () => {
      for (let rounds = 0; !coded && rounds < 300; rounds++) await db.memos.count();
      return coded;
    });
    const coding = runOperation(store, operation, { postId: 'p-b1', codeId: 'c-agree', start: 0, end: 1 }, env).then((r) => {
      coded = true;
      return r;
    });
    const during = await reading;
    expect((await coding).ok).toBe(true);
    await db.delete();
    return during;
  }

  it('does not wait behind a read of a table it does not touch', async () => {
    expect(await codedDuringMemoRead(addCoding)).toBe(true);
    // The same operation over every table waits for the read to end.
    expect(await codedDuringMemoRead({ ...addCoding, tables: undefined })).toBe(false);
  });

  it('stores the coding, its count and its journal entry together', async () => {
    const { db, store, env } = await openSampleProject();
    const countBefore = await db.codings.where('codeId').equals('c-agree').count();
    const journalBefore = await db.journal.count();
    const coded = await runOperation(store, addCoding, { postId: 'p-b1', codeId: 'c-agree', start: 0, end: 1 }, env);
    expect(coded.ok).toBe(true);
    const entry = coded.ok ? coded.value.entry : null;
    expect(await db.journal.get(entry!.id)).toMatchObject({ operation: 'coding.add', changes: [{ table: 'codings', id: coded.ok ? coded.value.result.id : '' }] });
    expect(await db.journal.count()).toBe(journalBefore + 1);
    const counted = (await db.codingCounts.toArray()).filter((c) => c.codeId === 'c-agree').reduce((n, c) => n + c.count, 0);
    expect(counted).toBe(countBefore + 1);
    // And removing it goes through its own scope (codes and codings) the same way.
    const removed = await runOperation(store, removeCoding, { codingId: coded.ok ? coded.value.result.id : '' }, env);
    expect(removed.ok).toBe(true);
    expect(await db.codings.where('codeId').equals('c-agree').count()).toBe(countBefore);
    await db.delete();
  });

  it('keeps nothing when its journal entry cannot be written', async () => {
    const { db, store } = await openSampleProject();
    const codings = await db.codings.count();
    const counts = await db.codingCounts.toArray();
    const taken = (await db.journal.orderBy('seq').last())!;
    const changes = { codings: [{ before: null, after: aCoding('coding-lost') }] };
    // The entry's seq is already taken (a unique index): the journal write fails after the coding's.
    const entry = journalEntry(changes, { id: 'entry-lost', seq: taken.seq, at: AT, actorId: 'coder-ana', actorName: 'Ana', operation: 'coding.add', summary: 'lost', reverts: null });
    await expect(store.transact((tx) => tx.apply(changes, entry), ['codings'])).rejects.toThrow();
    expect(await db.codings.get('coding-lost')).toBeUndefined();
    expect(await db.codings.count()).toBe(codings);
    expect(await db.codingCounts.toArray()).toEqual(counts);
    expect(await db.journal.get('entry-lost')).toBeUndefined();
    await db.delete();
  });

  it('fails, keeping nothing, when the work touches a table it did not name', async () => {
    const { db, store } = await openSampleProject();
    const changes = { codings: [{ before: null, after: aCoding('coding-stray') }] };
    const entry = journalEntry(changes, { id: 'entry-stray', seq: 1_000_000, at: AT, actorId: 'coder-ana', actorName: 'Ana', operation: 'coding.add', summary: 'stray', reverts: null });
    await expect(
      store.transact(async (tx) => {
        await tx.apply(changes, entry);
        await tx.memos();
      }, ['codings']),
    ).rejects.toThrow();
    expect(await db.codings.get('coding-stray')).toBeUndefined();
    expect(await db.journal.get('entry-stray')).toBeUndefined();
    await db.delete();
  });
});
