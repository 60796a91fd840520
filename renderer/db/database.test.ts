import 'fake-indexeddb/auto';

import { describe, expect, it, vi } from 'vitest';

import { importBundle } from './bundle-io';
import { ThreadmarkDB } from './database';
import { MIGRATIONS } from './migrations';
import { ensureCoder } from './repositories/coders-repository';
import snapshot from './schema-snapshot.json';
import { freshDb, sampleBundle, tableCounts, testIds } from './testing/test-support';
import { storedPostCount } from './testing/stored-posts';
import { writeV1Rows, writeV2Rows } from './testing/old-schema-rows';

type SchemaRow = [name: string, primaryKey: string, indexes: string[]];

function schemaOf(db: ThreadmarkDB): SchemaRow[] {
  return db.tables
    .map((t): SchemaRow => [t.name, t.schema.primKey.src, t.schema.indexes.map((i) => i.src).sort()])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** What IndexedDB itself holds, independent of what Dexie declares. */
function installedSchemaOf(db: ThreadmarkDB): [string, string[]][] {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  return names.map((n) => [n, [...tx.objectStore(n).indexNames].sort()]);
}

describe('ThreadmarkDB schema', () => {
  it('matches the committed snapshot (a schema change needs a new migration and a new snapshot)', async () => {
    const db = freshDb();
    await db.open();
    expect(schemaOf(db)).toEqual(snapshot);
    expect(installedSchemaOf(db)).toEqual(
      // IndexedDB names a multi-entry (*) or unique (&) index without Dexie's prefix.
      (snapshot as SchemaRow[]).map(([name, , indexes]) => [name, indexes.map((i) => i.replace(/^[*&]/, '')).sort()]),
    );
    expect(db.verno).toBe(MIGRATIONS.at(-1)?.version);
    await db.delete();
  });

  it('declares migrations with strictly increasing versions', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i] ?? Infinity));
  });

  it('keeps all data when a database of every older schema is opened with all migrations', async () => {
    /** A database of schema version k holding rows as that schema stored them. */
    const at = (name: string, k: number) => new ThreadmarkDB(name, MIGRATIONS.slice(0, k));
    const seeds: Record<number, (name: string) => Promise<ThreadmarkDB>> = {
      1: async (name) => {
        const db = at(name, 1);
        await writeV1Rows(db);
        return db;
      },
      2: async (name) => {
        const db = at(name, 2);
        await writeV2Rows(db);
        return db;
      },
      // Version 3 changed only where posts live: version 2 rows, upgraded to 3 by migration 3.
      3: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 3);
        await db.open();
        return db;
      },
      // Version 4 made the journal: version 2 rows (with their change log), upgraded to 4.
      4: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 4);
        await db.open();
        return db;
      },
      // Version 5 added the team loop's empty tables: version 2 rows, upgraded to 5.
      5: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 5);
        await db.open();
        return db;
      },
      // Version 6 added memos and attributes: version 2 rows, upgraded to 6.
      6: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 6);
        await db.open();
        return db;
      },
      // Version 7 added relations: version 2 rows, upgraded to 7.
      7: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 7);
        await db.open();
        return db;
      },
      // Version 8 gave threads and posts optional fields only: version 2 rows, upgraded to 8.
      8: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 8);
        await db.open();
        return db;
      },
      // Version 9 added the sync state table: version 2 rows, upgraded to 9.
      9: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 9);
        await db.open();
        return db;
      },
      // Version 10 added the post facts: version 2 rows, upgraded to 10.
      10: async (name) => {
        const v2 = at(name, 2);
        await writeV2Rows(v2);
        v2.close();
        const db = at(name, 10);
        await db.open();
        return db;
      },
    };
    for (let k = 1; k <= MIGRATIONS.length; k++) {
      const name = `threadmark-upgrade-${k}-${crypto.randomUUID()}`;
      const seed =
        k === MIGRATIONS.length
          ? async () => {
              // The current schema: written by today's import.
              const db = at(name, k);
              await importBundle(db, sampleBundle());
              return db;
            }
          : seeds[k];
      if (!seed) throw new Error(`No rows of schema version ${k}: add a seed for it.`);
      const old = await seed(name);
      const before = await tableCounts(old);
      // Version 4 turns the change log into the journal: one entry per operation.
      const operations = 'codebookChanges' in before ? new Set((await old.table('codebookChanges').toArray()).map((r: { operationId: string }) => r.operationId)).size : null;
      old.close();

      const current = new ThreadmarkDB(name);
      await current.open();
      const after = await tableCounts(current);
      // Posts moved into pages in version 3: they are counted as posts, wherever they live.
      const postsBefore = 'posts' in before ? before.posts : await storedPostCount(current);
      delete before.posts;
      // Post facts (version 10) are made from the pages: a page of facts per page of posts.
      if ('postPages' in before || 'posts' in before) expect(after.postFacts).toBe(after.postPages);
      // Coding counts (version 11) are made from the codings: one row per code × coder, naively counted.
      const codings = await current.codings.toArray();
      expect(after.codingCounts).toBe(new Set(codings.map((c) => `${c.codeId} ${c.coderId}`)).size);
      expect((await current.codingCounts.toArray()).reduce((n, r) => n + r.count, 0)).toBe(codings.length);
      delete after.codingCounts;
      delete before.codingCounts;
      for (const table of ['postPages', 'threadStats', 'postFacts']) {
        delete before[table];
        delete after[table];
      }
      if (operations !== null) {
        delete before.codebookChanges;
        before.journal = operations;
      }
      expect(operations === null || operations > 0, `schema ${k} seeds a change log`).toBe(true);
      expect(await storedPostCount(current)).toBe(postsBefore);
      // Every other row kept; tables added since start empty.
      expect(after).toEqual({ ...Object.fromEntries(Object.keys(after).map((t) => [t, 0])), ...before });
      expect(schemaOf(current)).toEqual(snapshot);
      await current.delete();
    }
    // One upgrade per released schema (ten and counting): seconds, more on a busy machine.
  }, 30_000);

  it('asks IndexedDB for strict durability on writes', async () => {
    // Dexie binds IDBDatabase#transaction when it opens, so spy on the prototype beforehand.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const db = freshDb();
    await ensureCoder(db, 'Ana', testIds());
    const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
    spy.mockRestore();
    expect(writes.map(([, , options]) => options?.durability)).toEqual(['strict']);
    await db.delete();
  });
});

describe('versionchange', () => {
  it('closes for good and tells subscribers a reload is required', async () => {
    const name = `threadmark-vc-${crypto.randomUUID()}`;
    const db = new ThreadmarkDB(name);
    await db.open();
    const early: string[] = [];
    db.onReloadRequired(() => early.push('early'));

    // A newer app version in another window.
    const next = new ThreadmarkDB(name, [...MIGRATIONS, { version: 1000, stores: { extra: 'id' } }]);
    await next.open();

    expect(early).toEqual(['early']);
    expect(db.reloadRequired).toBe(true);
    expect(db.isOpen()).toBe(false);
    const late: string[] = [];
    db.onReloadRequired(() => late.push('late'));
    expect(late).toEqual(['late']);
    // Dexie would otherwise reopen silently and write with the stale schema.
    await expect(db.threads.count()).rejects.toThrow();
    await next.delete();
  });
});
