import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { codebookContent, codebookDb, codebookDeps, codebookState, newChanges, problemOf, valueOf, withoutUpdatedAt } from '../testing/codebook-support';
import { addCode, codingCountsByCode, countCodingsOfCode, deleteCode, listCodes, updateCode } from '../testing/codebook-ops';
import { tableCounts } from '../testing/test-support';

import { redoCodebookOperation, undoCodebookOperation } from '../testing/codebook-undo';
import type { CodebookDeps } from '../repositories/codebook-write';
import { addCoding } from '../repositories/codings-repository';
import { storeOf } from '../run-in-project';

let db: ThreadmarkDB;
let deps: CodebookDeps;
const base = { color: '#112233', definition: 'd' };

beforeEach(async () => {
  db = await codebookDb();
  deps = codebookDeps();
});
afterEach(async () => {
  await db.delete();
});

describe('addCode', () => {
  it('adds a trimmed code last among its siblings, with its structured fields', async () => {
    const op = valueOf(
      await addCode(
        db,
        { ...base, name: '  Derailing ', color: '#ABCDEF', parentId: 'c-fallacy', inclusion: ' when ', examples: [' one ', ' '], shortcut: 'D', codable: true },
        deps,
      ),
    );
    const code = op.codes[0]!.after!;
    expect(code).toEqual({
      id: 'new-1',
      name: 'Derailing',
      parentId: 'c-fallacy',
      color: '#abcdef',
      order: 2,
      definition: 'd',
      inclusion: 'when',
      exclusion: '',
      examples: ['one'],
      exemplarCodingIds: [],
      shortcut: 'd',
      codable: true,
      retired: false,
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(await db.codes.get('new-1')).toEqual(code);
    // The code's id, then its journal entry's: new-3 is the next code.
    const root = valueOf(await addCode(db, { ...base, name: 'Hedging' }, deps)).codes[0]!.after;
    expect(root).toMatchObject({ id: 'new-3', parentId: null, order: 2, updatedAt: '2025-01-01T00:00:01.000Z' });
    expect((await listCodes(db)).map((c) => c.name)).toEqual(['Fallacy', 'Whataboutism', 'False equivalence', 'Deep child', 'Derailing', 'Agreement', 'Hedging']);
  });

  it('logs who added what, when', async () => {
    const op = valueOf(await addCode(db, { ...base, name: 'Derailing', parentId: 'c-fallacy' }, deps));
    expect(op).toMatchObject({ entryId: 'new-2', kind: 'code.add', summary: 'Added “Derailing” under “Fallacy”', codings: [] });
    expect(await db.journal.get('new-2')).toMatchObject({ at: '2025-01-01T00:00:00.000Z', actorId: 'coder-ana', actorName: 'Ana', operation: 'code.add', reverts: null });
    expect(await newChanges(db)).toEqual([
      {
        id: 'new-2:0',
        operationId: 'new-2',
        at: '2025-01-01T00:00:00.000Z',
        coderId: 'coder-ana',
        kind: 'add',
        codeId: 'new-1',
        summary: 'Added “Derailing” under “Fallacy”',
        before: null,
        after: op.codes[0]!.after,
      },
    ]);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'code “” (id new-1) name: a code needs a name'],
    ['a sibling name in another case', { name: 'whataboutism ', parentId: 'c-fallacy' }, 'code “whataboutism” (id new-1) name: a code named “Whataboutism” already exists under “Fallacy”'],
    ['a root name in another case', { name: 'AGREEMENT' }, 'code “AGREEMENT” (id new-1) name: a code named “Agreement” already exists at the top level'],
    ['a bad colour', { name: 'X', color: 'red' }, 'code “X” (id new-1) color: colour "red" is not of the form #rrggbb'],
    ['an unknown parent', { name: 'X', parentId: 'nope' }, 'code “X” (id new-1) parentId: its parent code nope does not exist'],
    ['a shortcut of two keys', { name: 'X', shortcut: 'ab' }, 'code “X” (id new-1) shortcut: "ab" is not a single key a–z or 0–9'],
    ['a shortcut that is not a–z or 0–9', { name: 'X', shortcut: '!' }, 'code “X” (id new-1) shortcut: "!" is not a single key a–z or 0–9'],
  ])('refuses %s and writes nothing', async (_, patch, message) => {
    const before = await tableCounts(db);
    const state = await codebookState(db);
    expect(problemOf(await addCode(db, { ...base, ...patch }, deps))).toBe(message);
    expect(await tableCounts(db)).toEqual(before);
    expect(await codebookState(db)).toEqual(state);
  });

  it('refuses a shortcut another code has', async () => {
    valueOf(await updateCode(db, 'c-agree', { shortcut: 'a' }, deps)); // its entry is new-1
    expect(problemOf(await addCode(db, { ...base, name: 'X', shortcut: 'A' }, deps))).toBe('code “X” (id new-2) shortcut: key "a" is already the shortcut of “Agreement”');
  });

  it('refuses to change the codebook when no coder is chosen', async () => {
    await db.meta.clear();
    const before = await tableCounts(db);
    expect(problemOf(await addCode(db, { ...base, name: 'X' }, deps))).toBe('project coderId: no coder is chosen: say who is coding first');
    expect(await tableCounts(db)).toEqual(before);
  });

  it('is undone (code deleted, logged) and redone', async () => {
    const before = await codebookState(db);
    const op = valueOf(await addCode(db, { ...base, name: 'X' }, deps));
    const undo = valueOf(await undoCodebookOperation(db, op, deps));
    expect(await codebookState(db)).toEqual(before);
    expect(undo).toMatchObject({ entryId: 'new-3', kind: 'revert', summary: 'Undid: Added “X” at the top level', codes: [{ before: op.codes[0]!.after, after: null }] });
    expect((await db.journal.get('new-3'))?.reverts).toBe('new-2');
    const redo = valueOf(await redoCodebookOperation(db, op, deps));
    // The redo reverts the undo: the code is back exactly as added (a record put back keeps its time).
    expect((await db.journal.get(redo.entryId!))?.reverts).toBe('new-3');
    expect(await db.codes.get('new-1')).toEqual(op.codes[0]!.after);
    expect((await newChanges(db)).map((c) => [c.kind, c.summary])).toEqual([
      ['add', 'Added “X” at the top level'],
      ['delete', 'Undid: Added “X” at the top level'],
      ['add', 'Redid: Added “X” at the top level'],
    ]);
  });

  it('refuses to undo an add once the code has codings, rather than delete them', async () => {
    const op = valueOf(await addCode(db, { ...base, name: 'X' }, deps));
    await addCoding(db, { postId: 'p-b1', codeId: 'new-1', coderId: 'coder-ana', start: 0, end: 1, memo: '' }, deps);
    const before = await tableCounts(db);
    expect(problemOf(await undoCodebookOperation(db, op, deps))).toBe('code “X” (id new-1) id: cannot delete it: 1 coding still uses it');
    expect(await db.codes.get('new-1')).toBeDefined();
    expect(await tableCounts(db)).toEqual(before);
  });
});

describe('updateCode', () => {
  it('changes structured fields and logs before, after and a sentence', async () => {
    const before = await db.codes.get('c-agree');
    const op = valueOf(await updateCode(db, 'c-agree', { name: ' Agreeing ', color: '#00FF00', definition: ' new ', exclusion: 'Not irony.', retired: true }, deps));
    const after = { ...before!, name: 'Agreeing', color: '#00ff00', definition: 'new', exclusion: 'Not irony.', retired: true, updatedAt: '2025-01-01T00:00:00.000Z' };
    expect(await db.codes.get('c-agree')).toEqual(after);
    expect(op.codes).toEqual([{ before, after }]);
    const [entry] = await newChanges(db);
    expect(entry).toMatchObject({ kind: 'edit', codeId: 'c-agree', before, after, coderId: 'coder-ana' });
    expect(entry?.summary).toBe('Renamed “Agreement” to “Agreeing”, changed its definition, exclusion criteria, and colour, and retired it');
  });

  it('writes and logs nothing when nothing changes', async () => {
    const before = await codebookState(db);
    const journal = await db.journal.count();
    const op = valueOf(await updateCode(db, 'c-agree', { name: 'Agreement ' }, deps));
    expect(op).toMatchObject({ entryId: null, codes: [] });
    expect(await newChanges(db)).toEqual([]);
    expect(await db.journal.count()).toBe(journal);
    expect(await codebookState(db)).toEqual(before);
  });

  it('allows a change of case of its own name but not a sibling’s name, a bad colour or an unknown code', async () => {
    expect(valueOf(await updateCode(db, 'c-agree', { name: 'AGREEMENT' }, deps)).codes[0]?.after?.name).toBe('AGREEMENT');
    expect(problemOf(await updateCode(db, 'c-agree', { name: 'fallacy' }, deps))).toBe('code “fallacy” (id c-agree) name: a code named “Fallacy” already exists at the top level');
    expect(problemOf(await updateCode(db, 'c-agree', { color: '#12345' }, deps))).toMatch(/color: colour "#12345" is not of the form #rrggbb/);
    expect(problemOf(await updateCode(db, 'nope', { name: 'x' }, deps))).toBe('code nope id: unknown code: cannot change it');
    expect((await db.codes.get('c-agree'))?.name).toBe('AGREEMENT');
  });

  it('refuses to make a code with codings category-only, and allows it for a code without', async () => {
    expect(problemOf(await updateCode(db, 'c-agree', { codable: false }, deps))).toBe(
      'code “Agreement” (id c-agree) codable: cannot be category-only: 2 codings use it (merge or move them first)',
    );
    expect(valueOf(await updateCode(db, 'c-fallacy', { codable: false }, deps)).codes[0]?.after?.codable).toBe(false);
  });

  it('is undone exactly, and refuses an undo over a later edit until that one is undone', async () => {
    const before = await codebookContent(db);
    const first = valueOf(await updateCode(db, 'c-agree', { definition: 'one' }, deps));
    const second = valueOf(await updateCode(db, 'c-agree', { definition: 'two' }, deps));
    const state = await codebookState(db);
    expect(problemOf(await undoCodebookOperation(db, first, deps))).toBe('code c-agree: changed since “Changed the definition of “Agreement””, so it cannot be undone');
    expect(await codebookState(db)).toEqual(state);
    valueOf(await undoCodebookOperation(db, second, deps));
    // The code is the first edit's again (stamped by the undo): the first edit can be undone now.
    valueOf(await undoCodebookOperation(db, first, deps));
    expect(await codebookContent(db)).toEqual(before);
    // 00:02 was the refused undo's time.
    expect((await db.codes.get('c-agree'))?.updatedAt).toBe('2025-01-01T00:00:04.000Z');
  });

  it('compares ignoring updatedAt: a record only re-stamped since still counts as unchanged', async () => {
    const op = valueOf(await updateCode(db, 'c-agree', { definition: 'one' }, deps));
    await db.codes.update('c-agree', { updatedAt: '2030-01-01T00:00:00.000Z' });
    valueOf(await undoCodebookOperation(db, op, deps));
    expect(withoutUpdatedAt((await db.codes.get('c-agree'))!)).toEqual(withoutUpdatedAt(op.codes[0]!.before!));
  });
});

describe('deleteCode', () => {
  it('counts the codings of a code and its descendants, and of every code', async () => {
    expect(await countCodingsOfCode(db, 'c-fallacy')).toBe(3);
    expect(await countCodingsOfCode(db, 'c-false-eq')).toBe(2);
    expect(Object.fromEntries(await codingCountsByCode(db))).toEqual({ 'c-agree': 2, 'c-deep': 1, 'c-fallacy': 0, 'c-false-eq': 1, 'c-whatabout': 1 });
  });

  it('deletes the code, its descendants and their codings together, logging each code', async () => {
    const op = valueOf(await deleteCode(db, 'c-fallacy', deps));
    // Children before parents, so the tree never has an orphan on the way.
    expect(op.codes.map((c) => c.before?.id)).toEqual(['c-deep', 'c-false-eq', 'c-whatabout', 'c-fallacy']);
    expect(op.codings.map((c) => c.before?.id).sort()).toEqual(['k-3', 'k-4', 'k-5']);
    expect(op.summary).toBe('Deleted “Fallacy” with its 3 sub-codes and 3 codings');
    expect(await tableCounts(db)).toMatchObject({ codes: 1, codings: 2 });
    expect((await newChanges(db)).map((c) => [c.kind, c.codeId, c.after])).toEqual([
      ['delete', 'c-deep', null],
      ['delete', 'c-false-eq', null],
      ['delete', 'c-whatabout', null],
      ['delete', 'c-fallacy', null],
    ]);
  });

  it('is all or nothing: a failure while deleting codes keeps every code, coding and log row', async () => {
    const before = await tableCounts(db);
    const state = await codebookState(db);
    const fail = () => {
      throw new Error('injected');
    };
    db.codes.hook('deleting', fail);
    await expect(deleteCode(db, 'c-fallacy', deps)).rejects.toThrow();
    db.codes.hook('deleting').unsubscribe(fail);
    expect(await tableCounts(db)).toEqual(before);
    expect(await codebookState(db)).toEqual(state);
  });

  it('is undone exactly (codes and codings back), logged as re-adds', async () => {
    const before = await codebookContent(db);
    const op = valueOf(await deleteCode(db, 'c-false-eq', deps));
    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(before);
    expect((await newChanges(db)).filter((c) => c.summary.startsWith('Undid')).map((c) => [c.kind, c.codeId])).toEqual([
      ['add', 'c-false-eq'],
      ['add', 'c-deep'],
    ]);
  });

  it('refuses an undo that would clash with a newer sibling, or restore codings of a removed coder', async () => {
    const op = valueOf(await deleteCode(db, 'c-agree', deps));
    valueOf(await addCode(db, { ...base, name: 'agreement' }, deps));
    const before = await tableCounts(db);
    expect(problemOf(await undoCodebookOperation(db, op, deps))).toBe('code “Agreement” (id c-agree) name: a code named “agreement” already exists at the top level');
    expect(await tableCounts(db)).toEqual(before);

    const other = valueOf(await deleteCode(db, 'c-false-eq', deps));
    await db.coders.delete('coder-ben');
    const state = await codebookState(db);
    expect(problemOf(await undoCodebookOperation(db, other, deps))).toBe('coding k-5 coderId: coder coder-ben does not exist');
    expect(await codebookState(db)).toEqual(state);
  });

  it('rejects an unknown code', async () => {
    expect(problemOf(await deleteCode(db, 'nope', deps))).toBe('code nope id: unknown code: cannot delete it');
  });
});

describe('codingCountsByCode', () => {
  it('follows codings as they are added and as codes are merged away', async () => {
    await addCoding(db, { postId: 'p-b2', codeId: 'c-fallacy', coderId: 'coder-ana', start: 0, end: 1, memo: '' }, deps);
    expect((await codingCountsByCode(db)).get('c-fallacy')).toBe(1);
    valueOf(await deleteCode(db, 'c-agree', deps));
    expect((await codingCountsByCode(db)).has('c-agree')).toBe(false);
  });
});

describe('codingCountsByCodeAndCoder (Dexie)', () => {
  it('counts per code and coder from the indexes, as the memory store does', async () => {
    await addCoding(db, { postId: 'p-b2', codeId: 'c-fallacy', coderId: 'coder-ana', start: 0, end: 1, memo: '' }, deps);
    const counts = await storeOf(db).read((reader) => reader.codingCountsByCodeAndCoder());
    const all = await codingCountsByCode(db);
    for (const [codeId, byCoder] of counts) expect([...byCoder.values()].reduce((a, b) => a + b, 0)).toBe(all.get(codeId));
    expect(counts.get('c-fallacy')?.get('coder-ana')).toBe(1);
  });
});

describe('updateCode with fields given as undefined', () => {
  it('leaves them as they are', async () => {
    const op = valueOf(await updateCode(db, 'c-agree', { name: undefined, definition: 'Says yes.' }, deps));
    expect(op.codes[0]?.after).toMatchObject({ name: 'Agreement', definition: 'Says yes.' });
  });
});
