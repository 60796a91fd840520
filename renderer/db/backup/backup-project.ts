/**
 * One backup of an open project: the canonical bundle (the same a File → Export writes), checked,
 * gzipped, and its gzip checked to unzip to exactly that text (`makeBackup`); the backup store
 * writes it atomically, reads it back, checks it and rotates the older ones; then the manifest
 * notes it. The app makes and (on the web) writes it in the backup Worker (backup.worker.ts,
 * backup-worker-client.ts): a big project's backup takes seconds, never the window's.
 */
import { backupName, type BackupFile } from '@shared/backup/backup-name';
import { withBackup } from '@shared/backup/manifest';
import { checkBackupBundle, checkUnzippedChunks } from '@shared/backup/verify-backup';
import { serializeBundleBytes } from '@shared/bundle/serialize-chunks';
import type { Clock } from '@shared/util/clock';
import { err, ok, type Result } from '@shared/util/result';

import type { BackupStore } from '../../platform/backup-store';
import { gunzipChunks, gzipChunks } from '../../platform/gzip';
import type { ThreadmarkDB } from '../database';
import { projectBundleInPieces, type PieceOptions } from './backup-snapshot';
import type { ManifestKeeper } from './manifest-keeper';

export interface BackupDeps {
  store: BackupStore;
  manifest: ManifestKeeper;
  clock: Clock;
  app: { name: string; version: string };
}

/** A backup's gzipped bytes, its name and when it was exported. */
export interface MadeBackup {
  name: string;
  bytes: Uint8Array;
  at: string;
}

/** A backup written to the store and verified there: the file, and when it was exported. */
export interface WrittenBackup {
  file: BackupFile;
  at: string;
}

/** What makes a project's backups: in the backup Worker (the app), or in this thread (`inThreadBackupMaker`). */
export interface BackupMaker {
  /** The verified bytes (also what File → Back up to a file… saves). */
  make(): Promise<Result<MadeBackup, string>>;
  /** Made, then written to the store, read back, verified and rotated. */
  write(): Promise<Result<WrittenBackup, string>>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The bytes of a backup of `db` and its name, verified before they leave: a Result, never a throw. */
export async function makeBackup(db: ThreadmarkDB, deps: Pick<BackupDeps, 'clock' | 'app'> & { pieces?: PieceOptions }): Promise<Result<MadeBackup, string>> {
  try {
    // In many short read transactions, so coding goes on while a big project is read (backup-snapshot.ts).
    const read = await projectBundleInPieces(db, { exportedAt: deps.clock.now(), app: deps.app }, deps.pieces);
    if (!read.ok) throw new Error(`Nothing to export: ${read.error.message}.`);
    const bundle = read.value;
    const counts = { posts: bundle.posts.length, codings: bundle.codings.length };
    const checked = checkBackupBundle(bundle, counts);
    if (!checked.ok) return checked;
    // In pieces, never one string: a million posts serialize past V8's longest string.
    const bytes = await gzipChunks(serializeBundleBytes(bundle));
    const unzipped = await checkUnzippedChunks(gunzipChunks(bytes), serializeBundleBytes(bundle));
    if (!unzipped.ok) return unzipped;
    return ok({ name: backupName(bundle.exportedAt, counts), bytes, at: bundle.exportedAt });
  } catch (e) {
    return err(`the project could not be read for a backup: ${message(e)}`);
  }
}

/** Made and written to `store`. */
export async function writeBackup(made: Result<MadeBackup, string>, project: string, store: BackupStore): Promise<Result<WrittenBackup, string>> {
  if (!made.ok) return made;
  const written = await store.write(project, made.value.name, made.value.bytes);
  return written.ok ? ok({ file: written.value, at: made.value.at }) : err(written.error);
}

/** Backups made in this thread (tests; the backup Worker runs the same `makeBackup`). */
export function inThreadBackupMaker(db: ThreadmarkDB, deps: Pick<BackupDeps, 'store' | 'clock' | 'app'>): BackupMaker {
  return {
    make: () => makeBackup(db, deps),
    write: async () => writeBackup(await makeBackup(db, deps), db.name, deps.store),
  };
}

/** A backup written by `maker`, then noted in the manifest. */
export async function backUpWith(maker: BackupMaker, project: string, manifest: ManifestKeeper): Promise<Result<BackupFile, string>> {
  const written = await maker.write();
  if (!written.ok) return written;
  await manifest.update((m) => withBackup(m, project, written.value.file, written.value.at));
  return ok(written.value.file);
}

/** A backup of `db` made in this thread, written and noted. */
export function backUpProject(db: ThreadmarkDB, deps: BackupDeps): Promise<Result<BackupFile, string>> {
  return backUpWith(inThreadBackupMaker(db, deps), db.name, deps.manifest);
}
