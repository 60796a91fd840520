/**
 * Restoring a project from a backup, all or nothing: the backup is read, unzipped and validated
 * first; then it is imported into a fresh database in ONE transaction (the core's `bundle.import`,
 * its journal kept); only then is the project listed again. A missing or empty database is
 * replaced (there is nothing in it to lose); a database that cannot be opened is left as it is and
 * the project restored beside it, into a new one.
 */
import { Dexie } from 'dexie';

import { parseBackupName } from '@shared/backup/backup-name';
import { withoutProject, withProject, type ManifestProject } from '@shared/backup/manifest';
import type { DatabaseState } from '@shared/backup/recovery';
import { readBackupChunks } from '@shared/backup/verify-backup';
import type { Bundle } from '@shared/bundle/bundle';
import { createProject as createProjectOp } from '@shared/project/operations/project';
import { runOperation } from '@shared/project/run-operation';
import { err, ok, type Result } from '@shared/util/result';

import { gunzipChunks } from '../../platform/gzip';
import type { BackupStore } from '../../platform/backup-store';
import { APP_ACTOR, importBundle } from '../bundle-io';
import { openThreadmarkDB } from '../database';
import { projectCounts } from '../registry/projects';
import { projectDbName } from '../registry/registry';
import type { ProjectEntry, ProjectRegistryDB } from '../registry/registry-db';
import type { RunDeps } from '../run-in-project';
import { storeOf } from '../run-in-project';
import type { ManifestKeeper } from './manifest-keeper';

export interface RestoreDeps extends RunDeps {
  store: BackupStore;
  manifest: ManifestKeeper;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function restoreFromBackup(registry: ProjectRegistryDB, project: ManifestProject, state: DatabaseState, name: string, deps: RestoreDeps): Promise<Result<ProjectEntry, string>> {
  const file = parseBackupName(name);
  if (!file) return err(`“${name}” is not a backup`);
  const read = await deps.store.read(project.dbName, name);
  if (!read.ok) return err(read.error);
  let checked: Result<Bundle, string>;
  try {
    // Unzipped and read a piece at a time: a million posts' bundle is more than one string holds.
    checked = await readBackupChunks(gunzipChunks(read.value), file);
  } catch (e) {
    return err(`the backup is damaged: ${message(e)}`);
  }
  if (!checked.ok) return err(checked.error);

  const dbName = state.kind === 'broken' ? projectDbName(deps.ids.newId()) : project.dbName;
  if (state.kind !== 'broken') await Dexie.delete(dbName);
  const db = openThreadmarkDB(dbName);
  let entry: ProjectEntry;
  try {
    await importBundle(db, checked.value, { clock: deps.clock, ids: deps.ids, source: `the backup of ${file.at}` });
    const counts = await projectCounts(db);
    entry = { id: project.id, name: project.name, dbName, kind: project.kind, ...(project.mode ? { mode: project.mode } : {}), createdAt: project.createdAt, openedAt: null, counts };
  } catch (e) {
    db.close();
    await Dexie.delete(dbName).catch(() => undefined);
    return err(`the backup could not be restored, nothing was changed: ${message(e)}`);
  }
  db.close();
  await registry.projects.put(entry);
  await deps.manifest.update((m) => withProject(withoutProject(m, project.dbName), { ...project, dbName, counts: entry.counts!, countedAt: deps.clock.now() }));
  return ok(entry);
}

/**
 * "Open empty": the project listed again with a new, empty database (its project record created
 * through the core), and the manifest told it is empty now, so it is not offered for recovery again.
 * The backups stay.
 */
export async function reopenEmpty(registry: ProjectRegistryDB, project: ManifestProject, deps: RestoreDeps): Promise<Result<ProjectEntry, string>> {
  const db = openThreadmarkDB(project.dbName);
  try {
    const made = await runOperation(storeOf(db), createProjectOp, { name: project.name, id: project.id }, { clock: deps.clock, ids: deps.ids, actor: APP_ACTOR });
    if (!made.ok) return err(made.error.message);
    const counts = await projectCounts(db);
    const entry: ProjectEntry = { id: project.id, name: project.name, dbName: project.dbName, kind: project.kind, ...(project.mode ? { mode: project.mode } : {}), createdAt: project.createdAt, openedAt: null, counts };
    await registry.projects.put(entry);
    await deps.manifest.update((m) => withProject(m, { ...project, counts, countedAt: deps.clock.now() }));
    return ok(entry);
  } catch (e) {
    return err(message(e));
  } finally {
    db.close();
  }
}
