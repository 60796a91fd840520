import 'fake-indexeddb/auto';

import { describe, expect, it, vi } from 'vitest';

import { backupsIn, type BackupFile } from '@shared/backup/backup-name';
import { addCoder } from '@shared/project/operations/coders';
import { runOperation } from '@shared/project/run-operation';

import { channelBackupWorker } from '../../db/backup/backup-worker.test-helpers';
import { ManifestKeeper } from '../../db/backup/manifest-keeper';
import { importBundle } from '../../db/bundle-io';
import { storeOf } from '../../db/run-in-project';
import { APP, freshDb, sampleBundle, testClock, testIds } from '../../db/testing/test-support';
import type { BackupStore } from '../../platform/backup-store';
import { gunzipText } from '../../platform/gzip';
import type { Platform } from '../../platform/platform';
import { BACKUP_EVERY_MS, BackupScheduler } from './project-backups';

function countingStore(): BackupStore & { written: string[]; bytes: Uint8Array[] } {
  const written: string[] = [];
  const bytes: Uint8Array[] = [];
  return {
    written,
    bytes,
    where: 'memory',
    list: async () => backupsIn(written),
    write: async (_project, name, gzipped) => {
      written.push(name);
      bytes.push(gzipped);
      return { ok: true, value: backupsIn([name])[0] as BackupFile };
    },
    read: async () => ({ ok: false, error: 'none' }),
    readManifest: async () => null,
    writeManifest: async () => {},
  };
}

describe('BackupScheduler', () => {
  it('backs up a changed project at most every 10 minutes, always when leaving it changed, never when unchanged', async () => {
    const db = freshDb();
    await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds() });
    const store = countingStore();
    let now = 0;
    const report = vi.fn();
    const worker = channelBackupWorker();
    const scheduler = new BackupScheduler(db, { store, manifest: new ManifestKeeper(store, null), clock: testClock(), app: APP, spawnWorker: worker.spawn }, report, () => now);

    expect((await scheduler.backUpNow()).ok).toBe(true);
    expect(store.written).toHaveLength(1);
    await scheduler.backUpIfChanged(true); // nothing changed since
    expect(store.written).toHaveLength(1);

    await runOperation(storeOf(db), addCoder, { name: 'Bea' }, { clock: testClock(), ids: testIds('b'), actor: { id: 'x', name: 'x' } });
    now += BACKUP_EVERY_MS - 1;
    await scheduler.backUpIfChanged(false); // changed, but not 10 minutes yet
    expect(store.written).toHaveLength(1);
    now += 1;
    await scheduler.backUpIfChanged(false);
    expect(store.written).toHaveLength(2);

    await runOperation(storeOf(db), addCoder, { name: 'Cem' }, { clock: testClock(), ids: testIds('c'), actor: { id: 'x', name: 'x' } });
    await scheduler.backUpIfChanged(true); // leaving the project
    expect(store.written).toHaveLength(3);
    expect(report).not.toHaveBeenCalled();
    expect(worker.spawned()).toBe(3);
    db.close();
  });

  it('makes every backup in the backup Worker, never in the window: the store is handed the bytes the Worker made', async () => {
    const db = freshDb();
    await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds() });
    const store = countingStore();
    const worker = channelBackupWorker();
    const scheduler = new BackupScheduler(db, { store, manifest: new ManifestKeeper(store, null), clock: testClock(), app: APP, spawnWorker: worker.spawn }, vi.fn());

    const done = await scheduler.backUpNow();
    expect(done.ok).toBe(true);
    expect(worker.spawned()).toBe(1);
    expect(JSON.parse(await gunzipText(store.bytes[0]!)).posts).toHaveLength(sampleBundle().posts.length);

    const saved: string[] = [];
    const platform = { saveBinaryFile: async (name: string) => (saved.push(name), { ok: true as const, value: name }) } as unknown as Platform;
    expect((await scheduler.saveToFile(platform)).ok).toBe(true);
    expect(worker.spawned()).toBe(2);
    expect(saved).toHaveLength(1);
    db.close();
  });

  it('says so when the backup Worker fails, and counts nothing as backed up', async () => {
    const db = freshDb();
    await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds() });
    const store = countingStore();
    const broken = () => {
      const { port1 } = new MessageChannel();
      queueMicrotask(() => port1.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' })));
      return port1 as never;
    };
    const report = vi.fn();
    const scheduler = new BackupScheduler(db, { store, manifest: new ManifestKeeper(store, null), clock: testClock(), app: APP, spawnWorker: broken }, report);
    await scheduler.backUpIfChanged(true);
    expect(report).toHaveBeenCalledWith('The automatic backup failed: the backup worker failed: boom.');
    expect(store.written).toHaveLength(0);
    db.close();
  });
});
