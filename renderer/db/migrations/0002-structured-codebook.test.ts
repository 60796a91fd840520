import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import { ThreadmarkDB } from '../database';
import { v1CodeRows, writeV1Rows } from '../testing/old-schema-rows';

import { MIGRATIONS } from '.';

let name: string;
/** Schema version 2 exactly: later migrations are not this test's business. */
const UP_TO_2 = MIGRATIONS.slice(0, 2);

/** A database left by the version 1 app, holding real version 1 rows. */
async function v1Database(): Promise<void> {
  name = `threadmark-0002-${crypto.randomUUID()}`;
  const v1 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 1));
  await writeV1Rows(v1);
  await v1.table('codes').add({ id: 'c-bare', name: 'Bare', parentId: null, color: '#000000', order: 9 });
  v1.close();
}

async function rowsOf(db: ThreadmarkDB, table: string): Promise<unknown[]> {
  return db.table(table).toArray();
}

afterEach(async () => {
  await new ThreadmarkDB(name, UP_TO_2).delete();
});

describe('migration 2: structured codebook', () => {
  it('turns every version 1 code row into a structured code, description becoming definition', async () => {
    await v1Database();
    const db = new ThreadmarkDB(name, UP_TO_2);
    await db.open();
    const codes = await db.codes.toArray();
    const expected = [
      ...v1CodeRows().map(({ description, ...rest }) => ({ ...rest, definition: description })),
      { id: 'c-bare', name: 'Bare', parentId: null, color: '#000000', order: 9, definition: '' },
    ].map((row) => ({
      ...row,
      inclusion: '',
      exclusion: '',
      examples: [],
      exemplarCodingIds: [],
      shortcut: null,
      codable: true,
      retired: false,
    }));
    expect(codes.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
    for (const code of codes) expect(code).not.toHaveProperty('description');
    db.close();
  });

  it('leaves every other table as it was and adds an empty change log and version list', async () => {
    await v1Database();
    const old = new ThreadmarkDB(name, MIGRATIONS.slice(0, 1));
    const before = Object.fromEntries(
      await Promise.all(['projects', 'threads', 'posts', 'coders', 'codings', 'meta'].map(async (t) => [t, await rowsOf(old, t)] as const)),
    );
    old.close();

    const db = new ThreadmarkDB(name, UP_TO_2);
    await db.open();
    for (const [table, rows] of Object.entries(before)) expect(await rowsOf(db, table), table).toEqual(rows);
    expect(await db.table('codebookChanges').count()).toBe(0);
    expect(await db.codebookVersions.count()).toBe(0);
    // The new indexes answer the queries the repositories make.
    await db.table('codebookChanges').add({
      id: 'ch',
      operationId: 'op',
      at: '2025-01-01T00:00:00.000Z',
      coderId: 'coder-ana',
      kind: 'edit',
      codeId: 'c-agree',
      summary: 's',
      before: null,
      after: null,
    });
    expect(await db.table('codebookChanges').where('codeId').equals('c-agree').count()).toBe(1);
    expect(await db.table('codebookChanges').where('operationId').equals('op').count()).toBe(1);
    expect(await db.codebookVersions.orderBy('createdAt').count()).toBe(0);
    db.close();
  });

  it('is atomic: a failing upgrade leaves the version 1 rows untouched', async () => {
    await v1Database();
    const failing = new ThreadmarkDB(name, [
      MIGRATIONS[0]!,
      {
        ...MIGRATIONS[1]!,
        upgrade: async (tx) => {
          await MIGRATIONS[1]!.upgrade?.(tx);
          throw new Error('injected');
        },
      },
    ]);
    await expect(failing.open()).rejects.toThrow();
    failing.close();
    const old = new ThreadmarkDB(name, MIGRATIONS.slice(0, 1));
    await old.open();
    expect(old.verno).toBe(1);
    expect(await old.table('codes').get('c-agree')).toEqual(v1CodeRows().find((c) => c.id === 'c-agree'));
    old.close();
  });
});
