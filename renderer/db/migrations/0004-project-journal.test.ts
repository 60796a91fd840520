import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Code, CodebookChange } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';

import { ThreadmarkDB } from '../database';
import { revertJournalEntry } from '../repositories/codings-repository';
import { setCurrentCoderId } from '../repositories/settings-repository';
import { V2_CHANGE_LOG, writeV2Rows } from '../testing/old-schema-rows';
import { sampleBundle, testClock, testIds } from '../testing/test-support';

import { MIGRATIONS } from '.';
import { addCode, listChanges } from '../testing/codebook-ops';

let name: string;
const UP_TO_3 = MIGRATIONS.slice(0, 3);
const UP_TO_4 = MIGRATIONS.slice(0, 4);

const sampleCode = (id: string): Code => sampleBundle().codes.find((c) => c.id === id)!;
const agree = sampleCode('c-agree');
const whatabout = sampleCode('c-whatabout');
const deep = sampleCode('c-deep');

/** A merge Ben made: two rows of one operation, written in the same millisecond. */
const MERGE_ROWS: CodebookChange[] = [
  { id: 'ch-2b', operationId: 'op-2', at: '2025-01-05T00:00:00.000Z', coderId: 'coder-ben', kind: 'merge', codeId: 'c-whatabout', summary: 'Merged “Whataboutism” into “Agreement”', before: whatabout, after: null },
  { id: 'ch-2a', operationId: 'op-2', at: '2025-01-05T00:00:00.000Z', coderId: 'coder-ben', kind: 'merge', codeId: 'c-agree', summary: 'Merged “Whataboutism” into “Agreement”', before: agree, after: { ...agree, definition: 'Merged.' } },
];

/** The last change, by a coder no longer in the project: "Deep child" got its definition then. */
const EDIT_ROW: CodebookChange = {
  id: 'ch-3',
  operationId: 'op-3',
  at: '2025-01-06T00:00:00.000Z',
  coderId: 'coder-gone',
  kind: 'edit',
  codeId: 'c-deep',
  summary: 'Changed the definition of “Deep child”',
  before: { ...deep, definition: 'Old.' },
  after: deep,
};

/** The tables migration 4 must leave as they are, with their rows. */
const KEPT_TABLES = ['meta', 'projects', 'threads', 'postPages', 'threadStats', 'codes', 'coders', 'codings', 'codebookVersions'];

async function rowsOf(db: ThreadmarkDB, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()] as const)));
}

/**
 * A database the version-3 app left: the sample as version 2 stored it, upgraded to 3, then more
 * codebook changes logged (the last one written first, so the log's order is its times, not the
 * order the rows were stored in). Returns its rows.
 */
async function v3Database(): Promise<Record<string, unknown[]>> {
  name = `threadmark-0004-${crypto.randomUUID()}`;
  const v2 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 2));
  await writeV2Rows(v2);
  v2.close();
  const v3 = new ThreadmarkDB(name, UP_TO_3);
  await v3.open();
  expect(v3.verno).toBe(3);
  await v3.table('codebookChanges').bulkAdd([EDIT_ROW, ...MERGE_ROWS]);
  await v3.table('meta').add({ key: 'currentCoderId', value: 'coder-ana' });
  const rows = await rowsOf(v3, [...KEPT_TABLES, 'codebookChanges']);
  v3.close();
  return rows;
}

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

describe('migration 4: the project journal', () => {
  it('turns the change log into one journal entry per operation, in time order, with each code before and after', async () => {
    await v3Database();
    const db = new ThreadmarkDB(name, UP_TO_4);
    await db.open();
    const expected: JournalEntry[] = [
      {
        id: 'op-1',
        seq: 1,
        at: '2025-01-04T00:00:00.000Z',
        actorId: 'coder-ana',
        actorName: 'Ana',
        operation: 'code.add',
        summary: 'Added “Agreement”',
        changes: [{ table: 'codes', id: 'c-agree', before: null, after: V2_CHANGE_LOG[0]!.after! }],
        addedPosts: [],
        reverts: null,
      },
      {
        id: 'op-2',
        seq: 2,
        at: '2025-01-05T00:00:00.000Z',
        actorId: 'coder-ben',
        actorName: 'Ben',
        operation: 'code.merge',
        summary: 'Merged “Whataboutism” into “Agreement”',
        // Rows of one time in id order.
        changes: [
          { table: 'codes', id: 'c-agree', before: agree, after: { ...agree, definition: 'Merged.' } },
          { table: 'codes', id: 'c-whatabout', before: whatabout, after: null },
        ],
        addedPosts: [],
        reverts: null,
      },
      {
        id: 'op-3',
        seq: 3,
        at: '2025-01-06T00:00:00.000Z',
        // A coder no longer in the project is named by their id.
        actorId: 'coder-gone',
        actorName: 'coder-gone',
        operation: 'code.edit',
        summary: 'Changed the definition of “Deep child”',
        changes: [{ table: 'codes', id: 'c-deep', before: { ...deep, definition: 'Old.' }, after: deep }],
        addedPosts: [],
        reverts: null,
      },
    ];
    expect(await db.journal.orderBy('seq').toArray()).toEqual(expected);
    db.close();
  });

  it('drops the change log table and leaves every other table and row as it was', async () => {
    const before = await v3Database();
    const db = new ThreadmarkDB(name, UP_TO_4);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name)).not.toContain('codebookChanges');
    expect([...db.backendDB().objectStoreNames]).not.toContain('codebookChanges');
    const { codebookChanges, ...kept } = before;
    expect(codebookChanges).toHaveLength(4);
    // Stored records keep no `updatedAt` they never had: only writes from now on are stamped.
    expect(await rowsOf(db, KEPT_TABLES)).toEqual(kept);
    db.close();
  });

  it('gives the app a journal it continues: the change log view, new entries after the last seq, undo of a migrated entry', async () => {
    await v3Database();
    const db = new ThreadmarkDB(name);
    await db.open();
    expect((await listChanges(db, { codeId: 'c-deep' })).map((c) => [c.operationId, c.kind, c.summary])).toEqual([['op-3', 'edit', 'Changed the definition of “Deep child”']]);

    await setCurrentCoderId(db, 'coder-ana');
    const deps = { clock: testClock(), ids: testIds('new') };
    const added = await addCode(db, { name: 'Hedging', color: '#123456' }, deps);
    expect(added.ok && (await db.journal.get(added.value.entryId!))?.seq).toBe(4);

    // "Deep child" is still as op-3 left it, so op-3 can be undone like any entry.
    const undo = await revertJournalEntry(db, 'op-3', 'undo', deps);
    expect(await db.codes.get('c-deep')).toEqual({ ...deep, definition: 'Old.', updatedAt: '2025-01-01T00:00:01.000Z' });
    expect(await db.journal.get(undo)).toMatchObject({ seq: 5, operation: 'revert', reverts: 'op-3', summary: 'Undid: Changed the definition of “Deep child”' });
    db.close();
  });

  it('is atomic: a failing upgrade leaves the version 3 database and its change log untouched', async () => {
    const before = await v3Database();
    const failing = new ThreadmarkDB(name, [
      ...UP_TO_3,
      {
        ...MIGRATIONS[3]!,
        upgrade: async (tx) => {
          await MIGRATIONS[3]!.upgrade?.(tx);
          throw new Error('injected');
        },
      },
    ]);
    await expect(failing.open()).rejects.toThrow();
    failing.close();
    const old = new ThreadmarkDB(name, UP_TO_3);
    await old.open();
    expect(old.verno).toBe(3);
    expect(await rowsOf(old, [...KEPT_TABLES, 'codebookChanges'])).toEqual(before);
    expect([...old.backendDB().objectStoreNames]).not.toContain('journal');
    old.close();
  });
});
