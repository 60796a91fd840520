import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { applyCodebookDiff } from '@shared/codebook/apply-codebook-diff';
import { diffCodebooks } from '@shared/codebook/codebook-diff';
import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import type { ThreadmarkDB } from '../database';
import { codebookContent, codebookDb, codebookDeps, codebookState, newChanges, problemOf, valueOf } from '../testing/codebook-support';
import { type CodebookImportPlan, applyCodebookImport, listCodes, updateCode } from '../testing/codebook-ops';
import { tableCounts, testIds } from '../testing/test-support';

import { redoCodebookOperation, undoCodebookOperation } from '../testing/codebook-undo';
import type { CodebookDeps } from '../repositories/codebook-write';

let db: ThreadmarkDB;
let deps: CodebookDeps;

beforeEach(async () => {
  db = await codebookDb();
  deps = codebookDeps();
});
afterEach(async () => {
  await db.delete();
});

/** The sample codebook as a file would bring it back, changed by `edit`, plus `extra` codes. */
async function incomingFrom(edit: (code: Code) => Code | null, extra: Code[] = []): Promise<Code[]> {
  const codes = (await listCodes(db)).map(edit).filter((c): c is Code => c !== null);
  return [...codes, ...extra];
}

/** Diffs the stored codebook with `incoming` and applies the entries with the given keys, as the import dialog does. */
async function planFor(incoming: Code[], keys: string[], codingsToDelete: ReadonlyMap<string, number> = new Map()): Promise<CodebookImportPlan> {
  const base = await listCodes(db);
  const diff = diffCodebooks(base, incoming);
  for (const key of keys) expect(diff.entries.map((e) => e.key)).toContain(key);
  const { codes, applied } = applyCodebookDiff(base, incoming, diff, new Set(keys), testIds('added'));
  return { source: 'team.qdc', base, codes, applied, codingsToDelete };
}

const hedging: Code = {
  ...EMPTY_CODE_FIELDS,
  id: 'c-hedging',
  name: 'Hedging',
  parentId: 'c-fallacy',
  color: '#aabbcc',
  order: 0,
  definition: 'Softens a claim.',
  inclusion: 'Maybe, perhaps.',
  examples: [],
  exemplarCodingIds: [],
};

describe('applyCodebookImport', () => {
  it('writes only the taken changes, each logged as a row of one journal entry by the current coder', async () => {
    const incoming = await incomingFrom(
      (c) => (c.id === 'c-agree' ? { ...c, name: 'Consent' } : c.id === 'c-whatabout' ? { ...c, definition: 'Left out.' } : c),
      [hedging],
    );
    const op = valueOf(await applyCodebookImport(db, await planFor(incoming, ['renamed:c-agree', 'added:c-hedging']), deps));

    expect(op.kind).toBe('codebook.import');
    expect(op.summary).toBe('Imported “team.qdc”: 1 code added, 1 code changed');
    const stored = new Map((await listCodes(db)).map((c) => [c.id, c]));
    expect(stored.get('c-agree')?.name).toBe('Consent');
    expect(stored.get('c-whatabout')?.definition).toBe('Whataboutism definition');
    // Last among its new siblings.
    expect(stored.get('c-hedging')).toMatchObject({ name: 'Hedging', color: '#aabbcc', definition: 'Softens a claim.', inclusion: 'Maybe, perhaps.', parentId: 'c-fallacy', order: 2 });

    const log = await newChanges(db);
    // A changed code reads as an import row, an added one as an add; both carry the entry's sentence.
    expect(log.map((r) => [r.kind, r.codeId, r.summary])).toEqual([
      // Each code's row says what happened to it; the entry's summary says what the import did.
      ['import', 'c-agree', 'Renamed “Agreement” to “Consent”'],
      ['add', 'c-hedging', 'Added “Hedging” under “Fallacy”'],
    ]);
    expect(new Set(log.map((r) => r.operationId))).toEqual(new Set([op.entryId]));
    expect(await db.journal.get(op.entryId!)).toMatchObject({ operation: 'codebook.import', actorId: 'coder-ana', actorName: 'Ana', at: '2025-01-01T00:00:00.000Z' });
    expect(log.every((r) => r.coderId === 'coder-ana')).toBe(true);
    expect(log[1]).toMatchObject({ before: null, after: expect.objectContaining({ id: 'c-hedging', name: 'Hedging' }) });
  });

  it('undoes and redoes the whole import', async () => {
    const before = await codebookContent(db);
    const incoming = await incomingFrom((c) => (c.id === 'c-deep' ? { ...c, parentId: 'c-fallacy', definition: 'Moved up.' } : c), [hedging]);
    const op = valueOf(await applyCodebookImport(db, await planFor(incoming, ['moved:c-deep', 'changed:c-deep:definition', 'added:c-hedging']), deps));
    const after = await codebookContent(db);
    expect(after).not.toEqual(before);

    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(before);
    valueOf(await redoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(after);
    // The undo's rows, the import's in reverse: the added code deleted, the moved one put back.
    expect((await newChanges(db)).filter((r) => r.summary.startsWith('Undid')).map((r) => [r.codeId, r.kind])).toEqual([
      ['c-hedging', 'delete'],
      ['c-deep', 'edit'],
    ]);
  });

  it('removes a coded code only with the researcher’s agreement to delete exactly the codings shown', async () => {
    const incoming = await incomingFrom((c) => (c.id === 'c-agree' ? null : c));
    const counts = await tableCounts(db);

    expect(problemOf(await applyCodebookImport(db, await planFor(incoming, ['removed:c-agree']), deps))).toBe(
      'code “Agreement” (id c-agree) id: cannot remove it: 2 codings use it and their deletion was not agreed to',
    );
    expect(problemOf(await applyCodebookImport(db, await planFor(incoming, ['removed:c-agree'], new Map([['c-agree', 1]])), deps))).toBe(
      'code “Agreement” (id c-agree) id: cannot remove it: 2 codings use it and 1 coding were shown',
    );
    expect(await tableCounts(db)).toEqual(counts);

    const before = await codebookContent(db);
    const op = valueOf(await applyCodebookImport(db, await planFor(incoming, ['removed:c-agree'], new Map([['c-agree', 2]])), deps));
    expect(op.summary).toBe('Imported “team.qdc”: 1 code removed (with 2 codings)');
    expect(op.codings.map((r) => r.before?.id).sort()).toEqual(['k-1', 'k-2']);
    expect(await db.codes.get('c-agree')).toBeUndefined();
    expect(await db.codings.where('codeId').equals('c-agree').count()).toBe(0);
    expect((await newChanges(db)).map((r) => [r.kind, r.codeId, r.summary])).toEqual([['delete', 'c-agree', 'Deleted “Agreement”']]);

    valueOf(await undoCodebookOperation(db, op, deps));
    expect(await codebookContent(db)).toEqual(before);
  });

  it('refuses, writing nothing, when the codebook changed after the comparison', async () => {
    const plan = await planFor(await incomingFrom((c) => (c.id === 'c-agree' ? { ...c, name: 'Consent' } : c)), ['renamed:c-agree']);
    valueOf(await updateCode(db, 'c-whatabout', { definition: 'Edited meanwhile.' }, deps));
    const counts = await tableCounts(db);
    const state = await codebookState(db);
    expect(problemOf(await applyCodebookImport(db, plan, deps))).toBe(
      'codebook codes: the codebook changed since the file was compared with it; import the file again to see what differs now',
    );
    expect(await tableCounts(db)).toEqual(counts);
    expect(await codebookState(db)).toEqual(state);
    expect((await db.codes.get('c-agree'))?.name).toBe('Agreement');
  });

  it('writes and logs nothing when nothing was taken', async () => {
    const counts = await tableCounts(db);
    const op = valueOf(await applyCodebookImport(db, await planFor([hedging], []), deps));
    expect(op).toMatchObject({ entryId: null, codes: [], codings: [] });
    expect(await tableCounts(db)).toEqual(counts);
  });
});
