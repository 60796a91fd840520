import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { codebookDb, codebookDeps, codebookState, newChanges, problemOf, valueOf } from '../testing/codebook-support';
import { setExemplar } from '../testing/codebook-ops';

import { undoCodebookOperation } from '../testing/codebook-undo';
import type { CodebookDeps } from '../repositories/codebook-write';
import { removeCoding, revertJournalEntry } from '../repositories/codings-repository';

let db: ThreadmarkDB;
let deps: CodebookDeps;

beforeEach(async () => {
  db = await codebookDb();
  deps = codebookDeps();
});
afterEach(async () => {
  await db.delete();
});

const exemplarsOf = async (codeId: string): Promise<string[] | undefined> => (await db.codes.get(codeId))?.exemplarCodingIds;

describe('setExemplar', () => {
  it('marks and unmarks a coding as an exemplar of its code, logging each change', async () => {
    valueOf(await setExemplar(db, 'k-1', true, deps));
    valueOf(await setExemplar(db, 'k-2', true, deps));
    expect(await exemplarsOf('c-agree')).toEqual(['k-1', 'k-2']);
    valueOf(await setExemplar(db, 'k-1', false, deps));
    expect(await exemplarsOf('c-agree')).toEqual(['k-2']);
    expect((await newChanges(db)).map((c) => [c.kind, c.codeId, c.summary])).toEqual([
      ['edit', 'c-agree', 'Marked “👩‍👩‍👧” as an exemplar of “Agreement”'],
      ['edit', 'c-agree', 'Marked “agree” as an exemplar of “Agreement”'],
      ['edit', 'c-agree', 'Unmarked “👩‍👩‍👧” as an exemplar of “Agreement”'],
    ]);
  });

  it('changes and logs nothing when the coding is already in that state, and is undoable', async () => {
    expect(valueOf(await setExemplar(db, 'k-1', false, deps))).toMatchObject({ entryId: null, codes: [] });
    const op = valueOf(await setExemplar(db, 'k-1', true, deps));
    expect(valueOf(await setExemplar(db, 'k-1', true, deps)).codes).toEqual([]);
    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await exemplarsOf('c-agree')).toEqual([]);
    expect((await newChanges(db)).map((c) => c.summary)).toEqual(['Marked “👩‍👩‍👧” as an exemplar of “Agreement”', 'Undid: Marked “👩‍👩‍👧” as an exemplar of “Agreement”']);
  });

  it('refuses an unknown coding', async () => {
    const before = await codebookState(db);
    expect(problemOf(await setExemplar(db, 'nope', true, deps))).toBe('coding nope id: the coding does not exist (it may have been removed meanwhile)');
    expect(await codebookState(db)).toEqual(before);
  });
});

describe('deleting an exemplar coding', () => {
  it('takes it out of its code’s exemplars in the same entry; undoing the removal puts both back, redoing takes both out again', async () => {
    valueOf(await setExemplar(db, 'k-1', true, deps));
    valueOf(await setExemplar(db, 'k-2', true, deps));
    const removed = await removeCoding(db, 'k-1', deps);
    expect(removed?.coding.id).toBe('k-1');
    expect(await exemplarsOf('c-agree')).toEqual(['k-2']);
    expect((await db.journal.get(removed!.entryId))?.changes.map((c) => [c.table, c.id])).toEqual([
      ['codes', 'c-agree'],
      ['codings', 'k-1'],
    ]);

    const undo = await revertJournalEntry(db, removed!.entryId, 'undo', deps);
    // Back exactly as it was.
    expect(await db.codings.get('k-1')).toEqual(removed!.coding);
    expect(await exemplarsOf('c-agree')).toEqual(['k-1', 'k-2']);

    await revertJournalEntry(db, undo, 'redo', deps);
    expect(await db.codings.get('k-1')).toBeUndefined();
    expect(await exemplarsOf('c-agree')).toEqual(['k-2']);
  });

  it('refuses to undo the removal once the code’s exemplars changed since, and writes nothing', async () => {
    valueOf(await setExemplar(db, 'k-1', true, deps));
    valueOf(await setExemplar(db, 'k-2', true, deps));
    const removed = await removeCoding(db, 'k-1', deps);
    valueOf(await setExemplar(db, 'k-2', false, deps));
    const before = await codebookState(db);
    await expect(revertJournalEntry(db, removed!.entryId, 'undo', deps)).rejects.toThrow(/^code c-agree: changed since “Removed “Agreement” from “👩‍👩‍👧””, so it cannot be undone$/);
    expect(await codebookState(db)).toEqual(before);
  });
});
