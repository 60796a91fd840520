import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { codebookDb, codebookDeps, newChanges, problemOf, valueOf } from '../testing/codebook-support';

import { undoCodebookOperation } from './codebook-undo';
import type { CodebookDeps } from './codebook-write';
import { removeCoding, restoreCoding } from './codings-repository';
import { setExemplar } from './exemplars-repository';

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
    expect(valueOf(await setExemplar(db, 'k-1', false, deps)).codes).toEqual([]);
    const op = valueOf(await setExemplar(db, 'k-1', true, deps));
    expect(valueOf(await setExemplar(db, 'k-1', true, deps)).codes).toEqual([]);
    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await exemplarsOf('c-agree')).toEqual([]);
    expect((await newChanges(db)).map((c) => c.summary)).toEqual(['Marked “👩‍👩‍👧” as an exemplar of “Agreement”', 'Undid: Marked “👩‍👩‍👧” as an exemplar of “Agreement”']);
  });

  it('refuses an unknown coding', async () => {
    expect(problemOf(await setExemplar(db, 'nope', true, deps))).toBe('coding nope id: unknown coding: cannot mark it as an exemplar');
  });
});

describe('deleting an exemplar coding', () => {
  it('takes it out of its code’s exemplars; restoring it with exemplar: true puts it back', async () => {
    valueOf(await setExemplar(db, 'k-1', true, deps));
    valueOf(await setExemplar(db, 'k-2', true, deps));
    const removed = await removeCoding(db, 'k-1');
    expect(await exemplarsOf('c-agree')).toEqual(['k-2']);
    await restoreCoding(db, removed!, { exemplar: true });
    expect(await exemplarsOf('c-agree')).toEqual(['k-2', 'k-1']);
    await removeCoding(db, 'k-1');
    await restoreCoding(db, removed!);
    expect(await exemplarsOf('c-agree')).toEqual(['k-2']);
  });
});
