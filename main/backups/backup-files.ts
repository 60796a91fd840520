/**
 * The desktop's backups (reliability.md §2.8): gzip files of a project's bundle in
 * `<userData>/backups/<project database>/`, and the manifest beside them. Main writes each one
 * atomically (temp file, fsync, rename), reads it back, unzips and validates it against the counts
 * its name states before it counts as a backup, and only then deletes what the rotation no longer
 * keeps (shared/backup/retention.ts). No Electron import: tested in Node with a temp folder.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

import { backupsIn, parseBackupName, PROJECT_KEY, type BackupFile } from '@shared/backup/backup-name';
import { backupsToDelete } from '@shared/backup/retention';
import { checkBackupText } from '@shared/backup/verify-backup';
import { err, ok, type Result } from '@shared/util/result';

import { writeFileAtomic } from '../../node/fs/write-file-atomic';

export const MANIFEST_FILE = 'manifest.json';

// Off the main thread's event loop while it unzips (a big project's backup is tens of MB of JSON).
const unzip = promisify(gunzip);

export interface BackupFiles {
  list(project: string): Promise<BackupFile[]>;
  /** Written, read back and verified, then the rotation applied; an error says why it is not a backup. */
  write(project: string, name: string, bytes: Uint8Array): Promise<Result<BackupFile, string>>;
  read(project: string, name: string): Promise<Result<Uint8Array<ArrayBuffer>, string>>;
  readManifest(): Promise<string | null>;
  writeManifest(text: string): Promise<void>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function backupFiles(root: string, now: () => string = () => new Date().toISOString()): BackupFiles {
  const folder = (project: string): string => {
    // The contract checks these too; a path is never built from anything else.
    if (!PROJECT_KEY.test(project)) throw new Error(`not a project key: ${project}`);
    return join(root, project);
  };
  const names = async (project: string): Promise<string[]> => {
    try {
      return await readdir(folder(project));
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return [];
      throw e;
    }
  };

  return {
    list: async (project) => backupsIn(await names(project)),

    async write(project, name, bytes) {
      const file = parseBackupName(name);
      if (!file) return err(`not a backup name: ${name}`);
      const dir = folder(project);
      const path = join(dir, name);
      try {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(path, bytes);
        const checked = checkBackupText((await unzip(await readFile(path))).toString('utf8'), file);
        if (!checked.ok) {
          await rm(path, { force: true });
          return err(checked.error);
        }
      } catch (e) {
        await rm(path, { force: true }).catch(() => undefined);
        return err(`the backup could not be written: ${message(e)}`);
      }
      // Only after the new one is verified: rotate the others away.
      const all = backupsIn(await names(project));
      for (const old of backupsToDelete(all, now())) await rm(join(dir, old), { force: true });
      return ok(file);
    },

    async read(project, name) {
      if (!parseBackupName(name)) return err(`not a backup name: ${name}`);
      try {
        return ok(new Uint8Array(await readFile(join(folder(project), name))));
      } catch (e) {
        return err(`the backup could not be read: ${message(e)}`);
      }
    },

    async readManifest() {
      try {
        return await readFile(join(root, MANIFEST_FILE), 'utf8');
      } catch {
        return null;
      }
    },

    async writeManifest(text) {
      await mkdir(root, { recursive: true });
      await writeFileAtomic(join(root, MANIFEST_FILE), text);
    },
  };
}
