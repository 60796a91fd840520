import 'fake-indexeddb/auto';

import { describe, expect, it, vi } from 'vitest';

import { importBundle } from './bundle-io';
import { ThreadmarkDB } from './database';
import { MIGRATIONS } from './migrations';
import { ensureCoder } from './repositories/coders-repository';
import snapshot from './schema-snapshot.json';
import { freshDb, sampleBundle, tableCounts, testIds } from './testing/test-support';

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
      (snapshot as SchemaRow[]).map(([name, , indexes]) => [name, [...indexes].sort()]),
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
    for (let k = 1; k <= MIGRATIONS.length; k++) {
      const name = `threadmark-upgrade-${k}-${crypto.randomUUID()}`;
      const old = new ThreadmarkDB(name, MIGRATIONS.slice(0, k));
      await importBundle(old, sampleBundle());
      const before = await tableCounts(old);
      old.close();

      const current = new ThreadmarkDB(name);
      await current.open();
      expect(await tableCounts(current)).toEqual(before);
      expect(schemaOf(current)).toEqual(snapshot);
      await current.delete();
    }
  });

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
