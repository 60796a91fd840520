import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { codebookDb, codebookDeps, problemOf, valueOf } from '../testing/codebook-support';
import { addCode, changesOfOperation, getVersion, listChanges, listCodes, listVersions, nameVersion, updateCode } from '../testing/codebook-ops';
import { tableCounts } from '../testing/test-support';

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

describe('named versions', () => {
  it('snapshots the codebook in tree order; later edits leave the version as it was', async () => {
    const codes = await listCodes(db);
    const version = valueOf(await nameVersion(db, '  v2, sent to coders 12 March ', deps));
    expect(version).toEqual({ id: 'new-1', name: 'v2, sent to coders 12 March', createdAt: '2025-01-01T00:00:00.000Z', coderId: 'coder-ana', codes });
    // Stored stamped with the operation's time; journaled as entry new-2 (drawn after the version's id).
    const stored = { ...version, updatedAt: '2025-01-01T00:00:00.000Z' };
    expect(await getVersion(db, 'new-1')).toEqual(stored);
    expect(await db.journal.get('new-2')).toMatchObject({ operation: 'codebook.version', summary: 'Named the codebook “v2, sent to coders 12 March” (5 codes)' });
    valueOf(await updateCode(db, 'c-agree', { name: 'Agreeing' }, deps));
    expect(await getVersion(db, 'new-1')).toEqual(stored);
    expect(await getVersion(db, 'nope')).toBeUndefined();
  });

  it('lists versions newest first', async () => {
    valueOf(await nameVersion(db, 'v2', deps));
    valueOf(await nameVersion(db, 'v3', deps));
    // The sample's own version is dated 4 January, after the test clock's 1 January.
    expect((await listVersions(db)).map((v) => v.name)).toEqual(['v1, sent to coders 12 March', 'v3', 'v2']);
  });

  it('refuses an empty name, a name in use, and naming without a current coder', async () => {
    const before = await tableCounts(db);
    expect(problemOf(await nameVersion(db, '  ', deps))).toBe('codebook version name: a version needs a name');
    expect(problemOf(await nameVersion(db, 'V1, SENT TO CODERS 12 MARCH', deps))).toBe(
      'codebook version name: a version named “v1, sent to coders 12 March” already exists (2025-01-04T00:00:01.000Z)',
    );
    await db.meta.clear();
    expect(problemOf(await nameVersion(db, 'v9', deps))).toBe('project coderId: no coder is chosen: say who is coding first');
    expect(await tableCounts(db)).toEqual({ ...before, meta: 0 });
  });
});

describe('change log', () => {
  it('lists every change newest first, or those of one code, or of one operation', async () => {
    const add = valueOf(await addCode(db, { name: 'Hedging', color: '#123456' }, deps));
    valueOf(await updateCode(db, 'c-agree', { definition: 'Says yes.' }, deps));
    // The sample's own entry is dated 4 January, after the test clock's 1 January. Opening the
    // sample added its codes too, but that is a project event (History), not a codebook change.
    expect((await listChanges(db)).map((c) => c.summary)).toEqual(['Added “Agreement”', 'Changed the definition of “Agreement”', 'Added “Hedging” at the top level']);
    expect((await listChanges(db, { codeId: 'c-agree' })).map((c) => [c.kind, c.summary])).toEqual([
      ['add', 'Added “Agreement”'],
      ['edit', 'Changed the definition of “Agreement”'],
    ]);
    expect((await changesOfOperation(db, add.entryId!)).map((c) => c.codeId)).toEqual([add.codes[0]!.after!.id]);
    expect(await changesOfOperation(db, 'nope')).toEqual([]);
  });
});
