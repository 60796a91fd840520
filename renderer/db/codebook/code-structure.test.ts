import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { codebookContent, codebookDb, codebookDeps, codebookState, newChanges, problemOf, valueOf } from '../testing/codebook-support';
import { listCodes, mergeCodes, moveCode, moveCodeByKey, previewMerge, previewSplit, splitCode, updateCode } from '../testing/codebook-ops';
import { tableCounts } from '../testing/test-support';

import { redoCodebookOperation, undoCodebookOperation } from '../testing/codebook-undo';
import type { CodebookDeps } from '../repositories/codebook-write';
import { addCoding } from '../repositories/codings-repository';

let db: ThreadmarkDB;
let deps: CodebookDeps;

beforeEach(async () => {
  db = await codebookDb();
  deps = codebookDeps();
});
afterEach(async () => {
  await db.delete();
});

/** "Name@depth" in tree order. */
async function outline(): Promise<string[]> {
  const codes = await listCodes(db);
  const depth = (id: string | null): number => (id === null ? 0 : 1 + depth(codes.find((c) => c.id === id)?.parentId ?? null));
  return codes.map((c) => `${c.name}@${depth(c.parentId)}`);
}

describe('moveCode', () => {
  it('nests a code at a position, renumbering siblings, and logs every code it moved', async () => {
    const op = valueOf(await moveCode(db, 'c-agree', 'c-fallacy', 1, deps));
    expect(await outline()).toEqual(['Fallacy@0', 'Whataboutism@1', 'Agreement@1', 'False equivalence@1', 'Deep child@2']);
    expect((await db.codes.get('c-false-eq'))?.order).toBe(2);
    expect(op.summary).toBe('Moved “Agreement” under “Fallacy”, before “False equivalence”');
    // One journal entry, one sentence: every code it moved shares it.
    expect((await newChanges(db)).map((c) => [c.operationId, c.kind, c.codeId, c.summary])).toEqual([
      [op.entryId, 'move', 'c-agree', 'Moved “Agreement” under “Fallacy”, before “False equivalence”'],
      [op.entryId, 'move', 'c-false-eq', 'Moved “Agreement” under “Fallacy”, before “False equivalence”'],
    ]);
  });

  it('refuses a cycle and writes nothing', async () => {
    const before = await tableCounts(db);
    const state = await codebookState(db);
    expect(problemOf(await moveCode(db, 'c-fallacy', 'c-deep', 0, deps))).toBe('code “Fallacy” (id c-fallacy) parentId: cannot move it under its own sub-code “Deep child”');
    expect(await tableCounts(db)).toEqual(before);
    expect(await codebookState(db)).toEqual(state);
  });

  it('is undone and redone exactly', async () => {
    const before = await codebookContent(db);
    const op = valueOf(await moveCode(db, 'c-deep', null, 0, deps));
    const moved = await codebookContent(db);
    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(before);
    valueOf(await redoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(moved);
    // The redo reverts the undo, so it names it.
    expect((await newChanges(db)).map((c) => c.summary).at(-1)).toBe('Redid: Moved “Deep child” at the top level, before “Fallacy”');
  });

  it('moves by keyboard: up, down, indent and outdent', async () => {
    valueOf(await moveCodeByKey(db, 'c-false-eq', 'up', deps));
    expect(await outline()).toEqual(['Fallacy@0', 'False equivalence@1', 'Deep child@2', 'Whataboutism@1', 'Agreement@0']);
    valueOf(await moveCodeByKey(db, 'c-whatabout', 'indent', deps));
    expect(await outline()).toEqual(['Fallacy@0', 'False equivalence@1', 'Deep child@2', 'Whataboutism@2', 'Agreement@0']);
    valueOf(await moveCodeByKey(db, 'c-deep', 'outdent', deps));
    expect(await outline()).toEqual(['Fallacy@0', 'False equivalence@1', 'Whataboutism@2', 'Deep child@1', 'Agreement@0']);
    valueOf(await moveCodeByKey(db, 'c-fallacy', 'down', deps));
    expect((await outline())[0]).toBe('Agreement@0');
    expect(problemOf(await moveCodeByKey(db, 'c-agree', 'outdent', deps))).toBe('code “Agreement” (id c-agree) parentId: cannot outdent a top-level code');
  });

  it('reorders siblings that an old import left with one name, checking only what a move changes', async () => {
    await db.codes.update('c-false-eq', { name: 'Whataboutism' });
    valueOf(await moveCodeByKey(db, 'c-false-eq', 'up', deps));
    expect(await outline()).toEqual(['Fallacy@0', 'Whataboutism@1', 'Deep child@2', 'Whataboutism@1', 'Agreement@0']);
  });
});

describe('mergeCodes', () => {
  /** Ana codes p-b1 [2, 7) with Whataboutism too: the same span she coded as Agreement (k-1). */
  async function withDuplicateSpan(): Promise<void> {
    const ids = ['k-dup', 'e-dup']; // the coding's id, then its journal entry's
    await addCoding(db, { postId: 'p-b1', codeId: 'c-whatabout', coderId: 'coder-ana', start: 2, end: 7, memo: 'dup' }, { clock: deps.clock, ids: { newId: () => ids.shift()! } });
  }

  it('says what it will do before doing it, then does exactly that', async () => {
    await withDuplicateSpan();
    const before = await tableCounts(db);
    const plan = valueOf(await previewMerge(db, ['c-whatabout', 'c-false-eq'], 'c-agree'));
    expect(plan.summary).toBe(
      'Merged “Whataboutism” and “False equivalence” into “Agreement”: 2 codings moved to “Agreement”; 1 identical coding collapsed into the one kept, 1 of them with a memo; 1 sub-code moved under “Agreement”',
    );
    expect(await tableCounts(db)).toEqual(before); // the preview wrote nothing

    const op = valueOf(await mergeCodes(db, ['c-whatabout', 'c-false-eq'], 'c-agree', deps));
    expect(op.summary).toBe(plan.summary);
    expect(await outline()).toEqual(['Fallacy@0', 'Agreement@0', 'Deep child@1']);
    const codings = await db.codings.toArray();
    expect(codings.filter((c) => c.codeId === 'c-agree').map((c) => c.id).sort()).toEqual(['k-1', 'k-2', 'k-3', 'k-5']);
    expect(await db.codings.get('k-dup')).toBeUndefined();
    // Moved codings carry the merge's time (the span was coded at 00:00, merged at 00:01).
    expect((await db.codings.get('k-3'))?.updatedAt).toBe('2025-01-01T00:00:01.000Z');
    expect((await db.journal.get(op.entryId!))?.at).toBe('2025-01-01T00:00:01.000Z');
    // The target, the sub-code moved under it, then the merged codes (rows that remove a code read as deletes).
    expect((await newChanges(db)).map((c) => [c.kind, c.codeId, c.after === null])).toEqual([
      ['merge', 'c-agree', false],
      ['merge', 'c-deep', false],
      ['delete', 'c-whatabout', true],
      ['delete', 'c-false-eq', true],
    ]);
  });

  it('is undone exactly: codes, sub-codes and every coding (collapsed ones too) come back', async () => {
    await withDuplicateSpan();
    const before = await codebookContent(db);
    const op = valueOf(await mergeCodes(db, ['c-whatabout', 'c-false-eq'], 'c-agree', deps));
    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(before);
    // The undo reverts the merge's rows in reverse: merged codes re-added, the others changed back.
    expect((await newChanges(db)).filter((c) => c.summary.startsWith('Undid')).map((c) => [c.kind, c.codeId])).toEqual([
      ['add', 'c-false-eq'],
      ['add', 'c-whatabout'],
      ['edit', 'c-deep'],
      ['edit', 'c-agree'],
    ]);
  });

  it('keeps exemplars: a collapsed exemplar is represented by the coding it collapsed into', async () => {
    await withDuplicateSpan();
    await db.codes.update('c-whatabout', { exemplarCodingIds: ['k-dup', 'k-3'] });
    valueOf(await mergeCodes(db, ['c-whatabout'], 'c-agree', deps));
    expect((await db.codes.get('c-agree'))?.exemplarCodingIds).toEqual(['k-1', 'k-3']);
  });

  it('refuses a merge into a category-only code and writes nothing', async () => {
    valueOf(await updateCode(db, 'c-fallacy', { codable: false }, deps));
    const before = await tableCounts(db);
    const state = await codebookState(db);
    expect(problemOf(await mergeCodes(db, ['c-agree'], 'c-fallacy', deps))).toBe(
      'code “Fallacy” (id c-fallacy) codable: is category-only: the 2 codings of the merged codes cannot move to it',
    );
    expect(await tableCounts(db)).toEqual(before);
    expect(await codebookState(db)).toEqual(state);
  });
});

describe('splitCode', () => {
  it('previews, then moves the chosen codings to a new code right after the source', async () => {
    const preview = valueOf(await previewSplit(db, 'c-agree', ['k-2'], { name: 'Agreement (Ben)', color: '#123456' }));
    expect(preview.summary).toBe('Split “Agreement”: 1 of its 2 codings moved to the new code “Agreement (Ben)”');
    expect(await db.codes.count()).toBe(5);

    await db.codes.update('c-agree', { exemplarCodingIds: ['k-1', 'k-2'] });
    const op = valueOf(await splitCode(db, 'c-agree', ['k-2'], { name: ' Agreement (Ben) ', color: '#123456', definition: 'Ben’s.' }, deps));
    expect(op.summary).toBe(preview.summary);
    const created = op.codes[0]!.after!;
    expect(created).toMatchObject({ name: 'Agreement (Ben)', parentId: null, order: 2, definition: 'Ben’s.', exemplarCodingIds: ['k-2'] });
    expect((await db.codings.get('k-2'))?.codeId).toBe(created.id);
    expect((await db.codes.get('c-agree'))?.exemplarCodingIds).toEqual(['k-1']);
    expect((await newChanges(db)).map((c) => [c.kind, c.codeId, c.before === null])).toEqual([
      ['add', created.id, true],
      ['split', 'c-agree', false],
    ]);
  });

  it('places the new code between the source and its next sibling', async () => {
    valueOf(await splitCode(db, 'c-whatabout', ['k-3'], { name: 'Tu quoque', color: '#123456' }, deps));
    expect(await outline()).toEqual(['Fallacy@0', 'Whataboutism@1', 'Tu quoque@1', 'False equivalence@1', 'Deep child@2', 'Agreement@0']);
  });

  it('is undone exactly, and refuses codings of another code', async () => {
    const before = await codebookContent(db);
    const op = valueOf(await splitCode(db, 'c-agree', ['k-1', 'k-2'], { name: 'All agreement', color: '#123456' }, deps));
    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(before);
    expect(problemOf(await splitCode(db, 'c-agree', ['k-3'], { name: 'X', color: '#123456' }, deps))).toBe(
      'code “Agreement” (id c-agree) codings: coding k-3 is not one of its codings',
    );
  });
});
