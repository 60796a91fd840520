import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { backupsIn, type BackupFile } from '@shared/backup/backup-name';
import { readBackupBundle } from '@shared/backup/verify-backup';
import { createWorkerClient } from '@shared/rpc/rpc';

import type { BackupStore } from '../../platform/backup-store';
import { gunzipText } from '../../platform/gzip';
import { importBundle } from '../bundle-io';
import { APP, freshDb, sampleBundle, testClock, testIds } from '../testing/test-support';
import { backupServeOptions, type BackupProtocol } from './backup-protocol';
import { channelBackupWorker } from './backup-worker.test-helpers';

const AT = '2026-03-04T05:06:07.000Z';

async function sampleProject() {
  const db = freshDb();
  await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds() });
  db.close();
  return db.name;
}

/** An OPFS stand-in that keeps what the Worker writes. */
function keptStore(): BackupStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    where: 'memory',
    kind: 'opfs',
    list: async () => backupsIn([...files.keys()]),
    write: async (_project, name, bytes) => {
      files.set(name, bytes);
      return { ok: true, value: backupsIn([name])[0] as BackupFile };
    },
    read: async () => ({ ok: false, error: 'none' }),
    readManifest: async () => null,
    writeManifest: async () => {},
  };
}

describe('the backup Worker’s handlers (over a MessageChannel, Dexie on fake-indexeddb)', () => {
  it('make: opens the project by name and answers gzip bytes that restore to its bundle, named by its counts', async () => {
    const dbName = await sampleProject();
    const worker = channelBackupWorker();
    const rpc = createWorkerClient<BackupProtocol>(worker.spawn(), { name: 'backup' });
    const answer = await rpc.make({ dbName, at: AT, app: APP });
    rpc.dispose();
    if (!answer.ok || !answer.value.ok) throw new Error(JSON.stringify(answer));
    const { name, bytes, at } = answer.value.value;
    const bundle = sampleBundle();
    expect(at).toBe(AT);
    expect(backupsIn([name])[0]).toMatchObject({ at: AT, posts: bundle.posts.length, codings: bundle.codings.length });
    const restored = readBackupBundle(await gunzipText(bytes), { posts: bundle.posts.length, codings: bundle.codings.length });
    expect(restored.ok && restored.value.codings.map((c) => c.id)).toEqual(bundle.codings.map((c) => c.id));
  });

  it('writeToOpfs: writes in the Worker and answers the file, nothing else', async () => {
    const dbName = await sampleProject();
    const opfs = keptStore();
    const worker = channelBackupWorker(() => opfs);
    const rpc = createWorkerClient<BackupProtocol>(worker.spawn(), { name: 'backup' });
    const answer = await rpc.writeToOpfs({ dbName, at: AT, app: APP });
    rpc.dispose();
    expect(answer.ok && answer.value.ok && answer.value.value.at).toBe(AT);
    expect([...opfs.files.keys()]).toEqual([answer.ok && answer.value.ok ? answer.value.value.file.name : '']);
  });

  it('transfers the bytes of its answer to the window rather than copying them', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const transfer = backupServeOptions.transfer?.make;
    expect(transfer?.({ ok: true, value: { name: 'n', at: AT, bytes } })).toEqual([bytes.buffer]);
    expect(transfer?.({ ok: false, error: 'no' })).toEqual([]);
  });

  it('answers a failure as a Result: an empty database, a malformed request', async () => {
    const worker = channelBackupWorker();
    const rpc = createWorkerClient<BackupProtocol>(worker.spawn(), { name: 'backup' });
    const empty = await rpc.make({ dbName: `threadmark-empty-${crypto.randomUUID()}`, at: AT, app: APP });
    expect(empty.ok && !empty.value.ok && empty.value.error).toMatch(/^the project could not be read for a backup: /);
    const malformed = await rpc.make({ dbName: 42 } as never);
    expect(malformed.ok ? '' : malformed.error.message).toBe('an invalid request to "make"');
    rpc.dispose();
  });
});
