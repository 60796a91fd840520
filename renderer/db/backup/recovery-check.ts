/**
 * The start-up check: for every project the manifest remembers, is its database still there? A
 * project whose database is fine but which fell out of the list (the list's own database was
 * reset) is listed again; one whose database is missing, empty or broken becomes a RecoveryCase
 * for the recovery screen (shared/backup/recovery.ts decides). The machine's coder comes back
 * from the manifest too.
 */
import { withProject, type Manifest, type ManifestProject } from '@shared/backup/manifest';
import { needsRecovery, type RecoveryCase } from '@shared/backup/recovery';
import { mapInPool } from '@shared/util/map-in-pool';

import type { BackupStore } from '../../platform/backup-store';
import { getMachineCoder, listProjects, setMachineCoder } from '../registry/registry';
import type { ProjectCounts, ProjectEntry, ProjectRegistryDB } from '../registry/registry-db';
import { databaseState } from './database-state';
import type { ManifestKeeper } from './manifest-keeper';

export async function recoveryCaseFor(project: ManifestProject | undefined, dbName: string, store: BackupStore): Promise<RecoveryCase | null> {
  const [state, backups] = await Promise.all([databaseState(dbName), store.list(dbName)]);
  if (!needsRecovery(project, state, backups) || state.kind === 'ok') return null;
  return { project: project ?? unknownProject(dbName, backups.length > 0 ? backups[0]!.at : ''), state, backups };
}

/** A project only its backups remember (the manifest lost): named after its database. */
const unknownProject = (dbName: string, at: string): ManifestProject => ({
  dbName, id: dbName.replace(/^threadmark-project-/, ''), name: 'Restored project', kind: 'project', createdAt: at, counts: { threads: 0, posts: 0, codings: 0 }, countedAt: at, lastBackup: null,
});

/**
 * The manifest read (OPFS or the user data folder) while the registry opens: neither needs the
 * other, and the manifest's projects can be checked (checkAtStart) before the registry is open.
 * Nothing waits for the open here: the registry's first query does, and reports its failure.
 */
export function readManifestWhileRegistryOpens(registry: ProjectRegistryDB, manifest: Pick<ManifestKeeper, 'read'>): Promise<Manifest> {
  registry.open().catch(() => undefined);
  return manifest.read();
}

/** Project databases the start-up check opens at once: enough to overlap their waits, few enough not to crowd IndexedDB or memory with dozens of projects. */
export const START_CHECKS_AT_ONCE = 4;

export async function checkAtStart(registry: ProjectRegistryDB, manifest: Manifest, store: BackupStore): Promise<{ cases: RecoveryCase[]; relisted: ProjectEntry[] }> {
  // The projects' databases looked at side by side (each check opens one database), beside the
  // registry's own reads: with a few projects the start costs the slowest check, not their sum;
  // with dozens, at most START_CHECKS_AT_ONCE databases are open together. Results in manifest order.
  const restoreCoder = async () => {
    if (manifest.coder && !(await getMachineCoder(registry))) await setMachineCoder(registry, manifest.coder);
  };
  const [found, listedEntries] = await Promise.all([
    mapInPool(manifest.projects, START_CHECKS_AT_ONCE, (project) => recoveryCaseFor(project, project.dbName, store)),
    restoreCoder().then(() => listProjects(registry)),
  ]);
  const listed = new Set(listedEntries.map((e) => e.dbName));
  const cases: RecoveryCase[] = [];
  const relisted: ProjectEntry[] = [];
  for (const [i, project] of manifest.projects.entries()) {
    const lost = found[i];
    if (lost) cases.push(lost);
    else if (!listed.has(project.dbName)) {
      const entry = entryOf(project, project.counts);
      await registry.projects.put(entry);
      relisted.push(entry);
    }
  }
  return { cases, relisted };
}

export const entryOf = (p: ManifestProject, counts: ProjectCounts): ProjectEntry => ({
  id: p.id, name: p.name, dbName: p.dbName, kind: p.kind, ...(p.mode ? { mode: p.mode } : {}), createdAt: p.createdAt, openedAt: null, counts,
});

/** The manifest's entry for a listed project, with counts just taken. */
export function noteProject(manifest: ManifestKeeper, entry: ProjectEntry, counts: ProjectCounts, at: string): Promise<Manifest> {
  return manifest.update((m) => {
    const before = m.projects.find((p) => p.dbName === entry.dbName);
    return withProject(m, { dbName: entry.dbName, id: entry.id, name: entry.name, kind: entry.kind, ...(entry.mode ? { mode: entry.mode } : {}), createdAt: entry.createdAt, counts, countedAt: at, lastBackup: before?.lastBackup ?? null });
  });
}
