import 'fake-indexeddb/auto';

import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';

import { backupsIn, type BackupFile } from '@shared/backup/backup-name';
import { withProject } from '@shared/backup/manifest';
import { backupsToDelete } from '@shared/backup/retention';
import { checkBackupText } from '@shared/backup/verify-backup';
import type { Bundle } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';

import type { BackupStore } from '../../platform/backup-store';
import { gunzipText } from '../../platform/gzip';
import { exportBundle, importBundle } from '../bundle-io';
import { openThreadmarkDB } from '../database';
import { ProjectRegistryDB } from '../registry/registry-db';
import { APP, sampleBundle, testClock, testIds } from '../testing/test-support';
import { backUpProject } from './backup-project';
import { databaseState } from './database-state';
import { ManifestKeeper, MANIFEST_STORAGE_KEY } from './manifest-keeper';
import { recoveryCaseFor, checkAtStart } from './recovery-check';
import { reopenEmpty, restoreFromBackup } from './restore-project';

/** A BackupStore in memory that verifies as the real ones do (gunzip, validate, counts), then rotates. */
function memoryBackupStore(): BackupStore & { files: Map<string, Uint8Array>; manifestText: string | null } {
  const files = new Map<string, Uint8Array>();
  const store = {
    files,
    manifestText: null as string | null,
    where: 'memory',
    list: async (project: string) => backupsIn([...files.keys()].filter((k) => k.startsWith(`${project}/`)).map((k) => k.slice(project.length + 1))),
    async write(project: string, name: string, bytes: Uint8Array) {
      const file: BackupFile | undefined = backupsIn([name])[0];
      if (!file) return { ok: false as const, error: 'bad name' };
      const checked = checkBackupText(await gunzipText(bytes), file);
      if (!checked.ok) return { ok: false as const, error: checked.error };
      files.set(`${project}/${name}`, bytes);
      for (const old of backupsToDelete(await store.list(project), file.at)) files.delete(`${project}/${old}`);
      return { ok: true as const, value: file };
    },
    async read(project: string, name: string) {
      const bytes = files.get(`${project}/${name}`);
      return bytes ? { ok: true as const, value: bytes } : { ok: false as const, error: 'no such backup' };
    },
    readManifest: async () => store.manifestText,
    writeManifest: async (text: string) => {
      store.manifestText = text;
    },
  };
  return store;
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

async function projectWithBackup() {
  const dbName = `threadmark-project-${crypto.randomUUID()}`;
  const db = openThreadmarkDB(dbName);
  await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds() });
  const store = memoryBackupStore();
  const storage = memoryStorage();
  const manifest = new ManifestKeeper(store, storage);
  const project = { dbName, id: dbName.slice('threadmark-project-'.length), name: 'Sample', kind: 'project' as const, createdAt: '2026-01-01T00:00:00.000Z', counts: { threads: 1, posts: 0, codings: 0 }, countedAt: '2026-01-01T00:00:00.000Z', lastBackup: null };
  await manifest.update((m) => withProject(m, project));
  const backedUp = await backUpProject(db, { store, manifest, clock: testClock(), app: APP });
  if (!backedUp.ok) throw new Error(backedUp.error);
  const before = serializeBundle({ ...(await exportBundle(db, { clock: { now: () => 'T' }, app: APP })), exportedAt: 'T' });
  db.close();
  return { dbName, store, storage, manifest, project, backup: backedUp.value, before };
}

describe('backups and recovery (Dexie on fake-indexeddb)', () => {
  it('a backup is noted in both copies of the manifest with its counts', async () => {
    const { storage, store, manifest, dbName, backup } = await projectWithBackup();
    const bundle = sampleBundle();
    expect(backup).toMatchObject({ posts: bundle.posts.length, codings: bundle.codings.length });
    expect((await manifest.read()).projects[0]).toMatchObject({ dbName, lastBackup: backup, counts: { posts: bundle.posts.length, codings: bundle.codings.length } });
    expect(storage.items.get(MANIFEST_STORAGE_KEY)).toBe(store.manifestText);
    // Either copy alone is enough.
    expect((await new ManifestKeeper(store, null).read()).projects[0]?.lastBackup).toEqual(backup);
    storage.items.clear();
    expect((await new ManifestKeeper({ readManifest: async () => null, writeManifest: async () => {} }, { getItem: () => store.manifestText, setItem: () => {} }).read()).projects[0]?.lastBackup).toEqual(backup);
  });

  it('a wiped database is a recovery case; the restore brings back exactly what was backed up, listed again', async () => {
    const { dbName, store, manifest, project, backup, before } = await projectWithBackup();
    expect(await recoveryCaseFor(project, dbName, store)).toBeNull();
    await Dexie.delete(dbName);
    const lost = await recoveryCaseFor(project, dbName, store);
    expect(lost).toMatchObject({ state: { kind: 'missing' }, backups: [backup] });

    const registry = new ProjectRegistryDB(`threadmark-projects-test-${crypto.randomUUID()}`);
    const restored = await restoreFromBackup(registry, project, lost!.state, backup.name, { store, manifest, clock: testClock(), ids: testIds('restore') });
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.value).toMatchObject({ id: project.id, dbName, name: 'Sample' });
    expect(await registry.projects.get(project.id)).toMatchObject({ dbName });
    const db = openThreadmarkDB(dbName);
    const after = serializeBundle({ ...(await exportBundle(db, { clock: { now: () => 'T' }, app: APP })), exportedAt: 'T' });
    db.close();
    // The same records and the same history, plus one entry saying it was restored (an import of the backup).
    const [was, now] = [JSON.parse(before) as Bundle, JSON.parse(after) as Bundle];
    expect({ ...now, journal: undefined }).toEqual({ ...was, journal: undefined });
    expect(now.journal!.slice(0, -1)).toEqual(was.journal);
    expect(now.journal!.at(-1)).toMatchObject({ operation: 'bundle.import' });
    expect(now.journal!.at(-1)!.summary).toContain('backup');
    expect(await databaseState(dbName)).toEqual({ kind: 'ok' });
  });

  it('an emptied database (the registry and the project reset) is found at start; a damaged backup restores nothing', async () => {
    const { dbName, store, manifest, backup } = await projectWithBackup();
    await Dexie.delete(dbName);
    // Reopened by something: it exists again, but empty.
    const reopened = openThreadmarkDB(dbName);
    await reopened.open();
    reopened.close();
    const registry = new ProjectRegistryDB(`threadmark-projects-test-${crypto.randomUUID()}`);
    const { cases } = await checkAtStart(registry, await manifest.read(), store);
    expect(cases.map((c) => [c.project.dbName, c.state.kind])).toEqual([[dbName, 'empty']]);

    store.files.set(`${dbName}/${backup.name}`, store.files.get(`${dbName}/${backup.name}`)!.slice(0, 300));
    const refused = await restoreFromBackup(registry, cases[0]!.project, cases[0]!.state, backup.name, { store, manifest, clock: testClock(), ids: testIds('restore') });
    expect(refused.ok ? '' : refused.error).toMatch(/./);
    expect(await registry.projects.count()).toBe(0);
    expect(await databaseState(dbName)).toEqual({ kind: 'empty' });
  });

  it('Open empty: the project listed again with its record and nothing else, not offered for recovery again; its backups kept', async () => {
    const { dbName, store, manifest, project, backup } = await projectWithBackup();
    await Dexie.delete(dbName);
    const registry = new ProjectRegistryDB(`threadmark-projects-test-${crypto.randomUUID()}`);
    const opened = await reopenEmpty(registry, project, { store, manifest, clock: testClock(), ids: testIds('empty') });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value.counts).toEqual({ threads: 0, posts: 0, codings: 0 });
    expect(await registry.projects.get(project.id)).toMatchObject({ dbName, name: 'Sample' });
    expect(await databaseState(dbName)).toEqual({ kind: 'ok' });
    expect(await recoveryCaseFor((await manifest.read()).projects[0], dbName, store)).toBeNull();
    expect(await store.list(dbName)).toEqual([backup]);
  });

  it('a project whose database is fine but which fell out of the list is listed again, not offered for recovery', async () => {
    const { dbName, store, manifest } = await projectWithBackup();
    const registry = new ProjectRegistryDB(`threadmark-projects-test-${crypto.randomUUID()}`);
    const { cases, relisted } = await checkAtStart(registry, await manifest.read(), store);
    expect(cases).toEqual([]);
    expect(relisted.map((e) => e.dbName)).toEqual([dbName]);
    expect(await registry.projects.count()).toBe(1);
  });
});
