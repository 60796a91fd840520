import 'fake-indexeddb/auto';

import { codingsOfThreadInOrder } from '@shared/project/queries/workspace-reads';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { storeOf } from '../run-in-project';
import { codebookDb, codebookState } from '../testing/codebook-support';
import { deleteCode, updateCode } from '../testing/codebook-ops';
import { tableCounts, testClock, testIds } from '../testing/test-support';

import {
  addCoding,
  CodingRefusedError,
  removeCoding,
  revertJournalEntry,
  updateMemo,
} from './codings-repository';

let db: ThreadmarkDB;
let deps: { clock: ReturnType<typeof testClock>; ids: ReturnType<typeof testIds> };
const input = { postId: 'p-b1', codeId: 'c-fallacy', coderId: 'coder-ana', start: 2, end: 7, memo: 'family' };

/** The sample with Ana coding; the test clock (00:00, 00:01, … on 1 January 2025) and ids new-1, new-2, … */
beforeEach(async () => {
  db = await codebookDb();
  deps = { clock: testClock(), ids: testIds('new') };
});
afterEach(async () => {
  await db.delete();
});

/** The refusal a write threw: its class and message. */
async function refusal(write: Promise<unknown>): Promise<[string, string]> {
  try {
    await write;
  } catch (error) {
    if (!(error instanceof CodingRefusedError)) throw error;
    return [error.name, error.message];
  }
  throw new Error('expected the write to be refused');
}

/** Everything a refused write must leave as it was: every table's count and the codes and codings. */
async function snapshot() {
  return { counts: await tableCounts(db), state: await codebookState(db) };
}

describe('addCoding', () => {
  it('stores code point offsets, derives quote and threadId from the stored post, and journals it', async () => {
    const { coding, entryId } = await addCoding(db, input, deps);
    expect(coding).toEqual({
      id: 'new-1',
      postId: 'p-b1',
      threadId: 't-b',
      codeId: 'c-fallacy',
      coderId: 'coder-ana',
      start: 2,
      end: 7,
      quote: '👩‍👩‍👧',
      memo: 'family',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      // The sample project's one named codebook version: the coding is made under it.
      codebookVersionId: 'v-1',
    });
    expect(await db.codings.get('new-1')).toEqual(coding);
    // The coding's id is drawn first, then its journal entry's.
    expect(entryId).toBe('new-2');
    expect(await db.journal.get(entryId)).toMatchObject({
      operation: 'coding.add',
      actorId: 'coder-ana',
      actorName: 'Ana',
      at: '2025-01-01T00:00:00.000Z',
      summary: 'Coded “👩‍👩‍👧” as “Fallacy”',
      changes: [{ table: 'codings', id: 'new-1', before: null, after: coding }],
      reverts: null,
    });
  });

  it('accepts a whole-post coding ending at the last code point', async () => {
    const { coding } = await addCoding(db, { ...input, start: 0, end: 13 }, deps);
    expect(coding.quote).toBe('I 👩‍👩‍👧 agree');
  });

  it.each([
    ['start equal to end', { start: 3, end: 3 }, 'post p-b1 start: cannot code the range 3–3 (need 0 ≤ start < end)'],
    ['start after end', { start: 5, end: 2 }, 'post p-b1 start: cannot code the range 5–2 (need 0 ≤ start < end)'],
    ['negative start', { start: -1, end: 2 }, 'post p-b1 start: cannot code the range -1–2 (need 0 ≤ start < end)'],
    ['fractional offset', { start: 1.5, end: 3 }, 'post p-b1 start: cannot code the range 1.5–3 (need 0 ≤ start < end)'],
    ['end past the text (UTF-16 length is larger)', { start: 0, end: 14 }, 'coding new-1 end: range 0–14 does not fit post p-b1 (length 13; need 0 ≤ start < end ≤ length)'],
    ['unknown post', { postId: 'nope' }, 'post nope id: the post does not exist'],
    ['unknown code', { codeId: 'nope' }, 'code nope id: the code does not exist'],
    ['unknown coder', { coderId: 'nope' }, 'coding new-1 coderId: coder nope does not exist'],
  ])('refuses %s and writes nothing', async (_, patch, message) => {
    const before = await snapshot();
    expect(await refusal(addCoding(db, { ...input, ...patch }, deps))).toEqual(['CodingRefusedError', message]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a category-only code: nothing can be coded with it', async () => {
    await updateCode(db, 'c-fallacy', { codable: false }, deps);
    const before = await snapshot();
    expect(await refusal(addCoding(db, input, deps))).toEqual(['CodingRefusedError', 'code “Fallacy” (id c-fallacy) codable: “Fallacy” is a category: it only groups codes and cannot be applied.']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a retired code: it keeps its codings but is no longer applied', async () => {
    await updateCode(db, 'c-fallacy', { retired: true }, deps);
    const before = await snapshot();
    expect((await refusal(addCoding(db, input, deps)))[1]).toMatch(/^code “Fallacy” \(id c-fallacy\) retired: “Fallacy” is retired/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to code when no coder is chosen', async () => {
    await db.meta.clear();
    const before = await snapshot();
    expect(await refusal(addCoding(db, input, deps))).toEqual(['CodingRefusedError', 'project coderId: no coder is chosen: say who is coding first']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('remove, undo and redo (journal reverts)', () => {
  it('removes a coding and returns it; undoing the removal restores it exactly, redoing removes it again', async () => {
    const { coding: added } = await addCoding(db, input, deps);
    const removed = await removeCoding(db, added.id, deps);
    expect(removed).toEqual({ coding: added, entryId: 'new-3' });
    expect(await db.codings.get(added.id)).toBeUndefined();
    expect(await removeCoding(db, added.id, deps)).toBeUndefined();

    const undo = await revertJournalEntry(db, removed!.entryId, 'undo', deps);
    // Exactly as it was, its time included (a record put back keeps its time).
    expect(await db.codings.get(added.id)).toEqual(added);
    expect(await db.journal.get(undo)).toMatchObject({ operation: 'revert', reverts: removed!.entryId, summary: 'Undid: Removed “Fallacy” from “👩‍👩‍👧”' });

    const redo = await revertJournalEntry(db, undo, 'redo', deps);
    expect(await db.codings.get(added.id)).toBeUndefined();
    expect(await db.journal.get(redo)).toMatchObject({ operation: 'revert', reverts: undo, summary: 'Redid: Removed “Fallacy” from “👩‍👩‍👧”' });
  });

  it('undoes an added coding', async () => {
    const { coding, entryId } = await addCoding(db, input, deps);
    await revertJournalEntry(db, entryId, 'undo', deps);
    expect(await db.codings.get(coding.id)).toBeUndefined();
  });

  it('refuses to undo an add once the coding changed since (its memo was edited), and writes nothing', async () => {
    const { coding, entryId } = await addCoding(db, input, deps);
    await updateMemo(db, coding.id, 'edited later', deps);
    const before = await snapshot();
    expect(await refusal(revertJournalEntry(db, entryId, 'undo', deps))).toEqual(['CodingRefusedError', 'coding new-1: changed since “Coded “👩‍👩‍👧” as “Fallacy””, so it cannot be undone']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to bring a removed coding back once its code has gone, and writes nothing', async () => {
    const removed = await removeCoding(db, 'k-1', deps);
    if (!removed) throw new Error('fixture coding missing');
    await deleteCode(db, 'c-agree', deps);
    const before = await snapshot();
    expect(await refusal(revertJournalEntry(db, removed.entryId, 'undo', deps))).toEqual(['CodingRefusedError', 'coding k-1 codeId: code c-agree does not exist']);
    expect(await db.codings.get('k-1')).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to revert an entry that is not in the journal', async () => {
    expect(await refusal(revertJournalEntry(db, 'nope', 'undo', deps))).toEqual(['CodingRefusedError', 'journal entry nope: no such entry in the journal']);
  });
});

describe('updateMemo', () => {
  it('replaces the memo, bumps updatedAt, journals the memo before and after, and is undone', async () => {
    const { coding: added } = await addCoding(db, input, deps);
    const { after, entryId } = await updateMemo(db, added.id, 'a better memo', deps);
    expect(after).toEqual({ ...added, memo: 'a better memo', updatedAt: '2025-01-01T00:00:01.000Z' });
    expect(await db.codings.get(added.id)).toEqual(after);
    expect((await db.journal.get(entryId!))?.changes).toEqual([{ table: 'codings', id: added.id, before: added, after }]);

    await revertJournalEntry(db, entryId!, 'undo', deps);
    expect(await db.codings.get(added.id)).toEqual({ ...added, updatedAt: '2025-01-01T00:00:02.000Z' });
  });

  it('writes and journals nothing when the memo is already that', async () => {
    const { coding: added } = await addCoding(db, input, deps);
    const before = await snapshot();
    expect(await updateMemo(db, added.id, 'family', deps)).toEqual({ after: added, entryId: null });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown coding', async () => {
    expect(await refusal(updateMemo(db, 'nope', 'x', deps))).toEqual(['CodingRefusedError', 'coding nope id: the coding does not exist (it may have been removed meanwhile)']);
  });
});

describe('queries', () => {
  it('lists a thread’s codings by post, then position', async () => {
    const ofThread = (threadId: string) => storeOf(db).read((reader) => codingsOfThreadInOrder(reader, threadId));
    expect((await ofThread('t-b')).map((c) => c.id)).toEqual(['k-1', 'k-2', 'k-4', 'k-3']);
    expect((await ofThread('t-a')).map((c) => c.id)).toEqual(['k-5']);
  });
});
