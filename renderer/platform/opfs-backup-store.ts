/**
 * The web runtime's backups, in the Origin Private File System: `threadmark-backups/<project
 * database>/<backup name>` and `threadmark-backups/manifest.json`. OPFS is storage of its own
 * (files, not IndexedDB), so a database the browser reset is not taken down with it, though
 * "Clear site data" removes both: hence also File → Back up to a file…. Works in a Worker as in the
 * window: the backup Worker writes backups with it (backup.worker.ts); the window lists, reads and
 * keeps the manifest.
 */
import { backupsIn, type BackupFile, parseBackupName } from '@shared/backup/backup-name';
import { backupsToDelete } from '@shared/backup/retention';
import { checkReadBack } from '@shared/backup/verify-backup';

import type { BackupStore } from './backup-store';
import type { PlatformResult } from './platform';

const ROOT = 'threadmark-backups';
const MANIFEST = 'manifest.json';

/** Chromium's handle.move(): a rename within OPFS. Not in every lib.dom yet. */
type Movable = FileSystemFileHandle & { move?: (name: string) => Promise<void> };

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function rootDir(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT, { create: true });
}

async function projectDir(project: string, create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await (await rootDir()).getDirectoryHandle(project, { create });
  } catch {
    return null;
  }
}

async function fileNames(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names;
}

/** Writes `bytes` under a temp name, then renames it into place: the name appears whole or not at all. */
async function writeAtomically(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const temp = `.${name}.tmp`;
  const handle = (await dir.getFileHandle(temp, { create: true })) as Movable;
  const writable = await handle.createWritable();
  await writable.write(bytes as Uint8Array<ArrayBuffer>);
  await writable.close();
  if (typeof handle.move === 'function') {
    await handle.move(name);
    return;
  }
  // Without move(): createWritable itself commits atomically on close (a swap file), so write the final name that way.
  const final = await dir.getFileHandle(name, { create: true });
  const out = await final.createWritable();
  await out.write(bytes as Uint8Array<ArrayBuffer>);
  await out.close();
  await dir.removeEntry(temp);
}

export function opfsBackupStore(now: () => string = () => new Date().toISOString()): BackupStore {
  return {
    where: 'this browser’s private file storage for this site',
    kind: 'opfs',
    async list(project) {
      const dir = await projectDir(project, false);
      return dir ? backupsIn(await fileNames(dir)) : [];
    },
    async write(project, name, gzipped): Promise<PlatformResult<BackupFile>> {
      const file = parseBackupName(name);
      if (!file) return { ok: false, error: `not a backup name: ${name}` };
      const dir = await projectDir(project, true);
      if (!dir) return { ok: false, error: 'the browser offers no private file storage here' };
      try {
        await writeAtomically(dir, name, gzipped);
        const back = new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
        // The write check: the bytes read back are those written (the maker checked they unzip to the bundle).
        const checked = checkReadBack(back, gzipped);
        if (!checked.ok) {
          await dir.removeEntry(name).catch(() => undefined);
          return { ok: false, error: checked.error };
        }
      } catch (e) {
        await dir.removeEntry(name).catch(() => undefined);
        return { ok: false, error: `the backup could not be written: ${message(e)}` };
      }
      for (const old of backupsToDelete(backupsIn(await fileNames(dir)), now())) await dir.removeEntry(old).catch(() => undefined);
      return { ok: true, value: file };
    },
    async read(project, name) {
      try {
        const dir = await projectDir(project, false);
        if (!dir || !parseBackupName(name)) return { ok: false, error: `no backup ${name}` };
        return { ok: true, value: new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer()) };
      } catch (e) {
        return { ok: false, error: `the backup could not be read: ${message(e)}` };
      }
    },
    async readManifest() {
      try {
        return await (await (await (await rootDir()).getFileHandle(MANIFEST)).getFile()).text();
      } catch {
        return null;
      }
    },
    async writeManifest(text) {
      await writeAtomically(await rootDir(), MANIFEST, new TextEncoder().encode(text));
    },
  };
}
