/**
 * Projects as the project list handles them: each one its own database, listed in the registry.
 * Everything written inside a project goes through the application core (a project record by
 * `project.create`/`project.rename`, the demo, a bundle and a copy by `bundle.import`, which keeps
 * the copied journal); the registry only says which databases are projects and what they are called.
 */
import { Dexie } from 'dexie';

import type { Bundle } from '@shared/bundle/bundle';
import { validateBundle } from '@shared/bundle/validate';
import type { Coder } from '@shared/model/records';
import type { Problem } from '@shared/problem/problem';
import { teamCoderId } from '@shared/sync/names';
import type { Actor } from '@shared/project/operation';
import { createProject as createProjectOp, projectNameProblem, renameProject as renameProjectOp, staleProjectName } from '@shared/project/operations/project';
import { runOperation } from '@shared/project/run-operation';
import { err, ok, type Result } from '@shared/util/result';

import demoBundle from '../../../resources/demo/demo-project.threadmark.json';
import { APP_ACTOR, exportBundle, importBundle } from '../bundle-io';
import { openThreadmarkDB, type ThreadmarkDB } from '../database';
import { ensureCoder } from '../repositories/coders-repository';
import { setCurrentCoderId } from '../repositories/settings-repository';
import { storeOf, type RunDeps } from '../run-in-project';
import { searchCacheDbName } from '../search-cache-name';
import { readConnection, saveConnection, type SyncConnection } from '../sync-state';
import { type MachineCoder, addProject, freeProjectName, getProject, projectDbName, projectNamed, removeProject, updateProject } from './registry';
import type { ProjectCounts, ProjectEntry, ProjectRegistryDB } from './registry-db';

export interface OpenedProject {
  entry: ProjectEntry;
  db: ThreadmarkDB;
  /** The machine's coder as this project's coder record. */
  coder: Coder;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const failed = (what: string, error: unknown): Problem => ({ record: 'project', message: `${what} failed: ${message(error)}` });

/** How many threads, posts and codings the project holds (counted through the core's reader, posts and codings never loaded). */
export async function projectCounts(db: ThreadmarkDB): Promise<ProjectCounts> {
  return storeOf(db).read(async (reader) => {
    const [threads, stats, codings] = await Promise.all([reader.threads(), reader.threadStats(), reader.codingCountsByCode()]);
    const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);
    return { threads: threads.length, posts: sum([...stats.values()].map((s) => s.postCount)), codings: sum(codings.values()) };
  });
}

/** The machine's coder in this project: their record added through the core if missing, and made the current coder. */
async function joinAs(db: ThreadmarkDB, machineCoder: MachineCoder, deps: RunDeps): Promise<Coder> {
  // In a team project one codes as the user signed in to the server: their codings go to that user's layer (docs/sync.md).
  const team = await readConnection(db);
  const coder = team ? (team.coder ?? { id: teamCoderId(team.user), name: team.user }) : machineCoder;
  // A blind package is one coder's: whoever opens it codes as that coder, and no one else joins.
  const blind = await storeOf(db).read(async (reader) => {
    const pkg = (await reader.project())?.package;
    return pkg ? (await reader.coders()).find((c) => c.id === pkg.coderId) : undefined;
  });
  if (blind) {
    await setCurrentCoderId(db, blind.id);
    return blind;
  }
  const record = await ensureCoder(db, coder.name, deps.ids, deps.clock, coder.id);
  await setCurrentCoderId(db, record.id);
  return record;
}

/** Opens a project as the machine's coder and notes when; the caller closes `db` when leaving it. */
export async function openProject(registry: ProjectRegistryDB, entry: ProjectEntry, coder: MachineCoder, deps: RunDeps): Promise<OpenedProject> {
  const db = openThreadmarkDB(entry.dbName);
  try {
    const record = await joinAs(db, coder, deps);
    const openedAt = deps.clock.now();
    await updateProject(registry, entry.id, { openedAt });
    return { entry: { ...entry, openedAt }, db, coder: record };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Leaves a project: its counts are noted for the list and its database is closed. */
export async function closeProject(registry: ProjectRegistryDB, opened: Pick<OpenedProject, 'entry' | 'db'>): Promise<void> {
  try {
    if (!opened.db.reloadRequired) await updateProject(registry, opened.entry.id, { counts: await projectCounts(opened.db) });
  } finally {
    opened.db.close();
  }
}

/** A new name's problem: the core's rules, and no two projects of one name in the list. */
async function nameProblem(registry: ProjectRegistryDB, name: string, except?: string): Promise<Problem | undefined> {
  const problem = projectNameProblem(name.trim());
  if (problem) return problem;
  const same = await projectNamed(registry, name, except);
  return same ? { record: 'project', field: 'name', message: `a project named “${same.name}” already exists` } : undefined;
}

/**
 * Writes a new project's database with `fill`, then lists it. Nothing is listed when filling
 * fails, and the half-written database is deleted.
 */
async function newProject(
  registry: ProjectRegistryDB,
  head: Pick<ProjectEntry, 'name' | 'kind' | 'mode'>,
  deps: RunDeps,
  fill: (db: ThreadmarkDB, id: string) => Promise<Problem | undefined>,
): Promise<Result<ProjectEntry, Problem>> {
  const id = deps.ids.newId();
  const db = openThreadmarkDB(projectDbName(id));
  try {
    const problem = await fill(db, id);
    if (problem) {
      await db.delete();
      return err(problem);
    }
    const entry: ProjectEntry = { id, name: head.name, kind: head.kind, ...(head.mode ? { mode: head.mode } : {}), dbName: db.name, createdAt: deps.clock.now(), openedAt: null, counts: await projectCounts(db) };
    await addProject(registry, entry);
    db.close();
    return ok(entry);
  } catch (error) {
    await db.delete().catch(() => undefined);
    return err(failed(`Creating “${head.name}”`, error));
  }
}

/** A new, empty project: its record created by the machine's coder, who is its first coder. */
export async function createEmptyProject(registry: ProjectRegistryDB, name: string, coder: MachineCoder, deps: RunDeps): Promise<Result<ProjectEntry, Problem>> {
  const trimmed = name.trim();
  const problem = await nameProblem(registry, trimmed);
  if (problem) return err(problem);
  return newProject(registry, { name: trimmed, kind: 'project' }, deps, async (db, id) => {
    const record = await joinAs(db, coder, deps);
    const created = await runOperation(storeOf(db), createProjectOp, { name: trimmed, id }, { ...deps, actor: record });
    return created.ok ? undefined : created.error;
  });
}

/**
 * A new local project for a team project on a server ("Open a team project…"): empty but for its
 * connection and the user as its coder; the sync fills it from the server once it opens.
 */
export async function createTeamProject(registry: ProjectRegistryDB, connection: SyncConnection, coder: MachineCoder, deps: RunDeps): Promise<Result<ProjectEntry, Problem>> {
  const name = await freeProjectName(registry, `${connection.projectKey} (team)`);
  return newProject(registry, { name, kind: 'project' }, deps, async (db) => {
    await saveConnection(db, connection);
    await joinAs(db, coder, deps);
    return undefined;
  });
}

/** The demo project shipped with the app, as a project of its own. */
export async function createDemoProject(registry: ProjectRegistryDB, deps: RunDeps): Promise<Result<ProjectEntry, Problem>> {
  const demo = validateBundle(demoBundle as unknown);
  // The demo ships with the app and is validated by a unit test; failing here is a build defect.
  if (!demo.ok) throw new Error('The bundled demo project is invalid.');
  const name = await freeProjectName(registry, demo.value.project.name);
  return newProject(registry, { name, kind: 'demo' }, deps, async (db) => {
    await importBundle(db, demo.value, { ...deps, source: 'demo' });
    // A second demo: its record is named as in the list, so its exports are too.
    return name === demo.value.project.name ? undefined : renamed(db, name, APP_ACTOR, deps);
  });
}

/**
 * A bundle opened as a new project (its journal kept as the project's history). Named as in the
 * bundle, or "Name (2)" when a project of that name is listed already.
 */
export async function openBundleAsProject(registry: ProjectRegistryDB, bundle: Bundle, source: string, actor: Actor, deps: RunDeps): Promise<Result<ProjectEntry, Problem>> {
  const name = await freeProjectName(registry, bundle.project.name.trim() || 'Project');
  // A coder package opens as a blind project (docs/team-loop.md); the list marks it.
  return newProject(registry, { name, kind: 'project', mode: bundle.project.package ? 'blind' : 'lead' }, deps, async (db) => {
    await importBundle(db, bundle, { ...deps, source });
    return renamed(db, name, actor, deps);
  });
}

/** A copy of every table, the journal included, through the canonical bundle; named "Name (copy)". */
export async function duplicateProject(registry: ProjectRegistryDB, entry: ProjectEntry, actor: Actor, deps: RunDeps & { app: { name: string; version: string } }): Promise<Result<ProjectEntry, Problem>> {
  const source = openThreadmarkDB(entry.dbName);
  let bundle: Bundle;
  try {
    bundle = await exportBundle(source, { clock: deps.clock, app: deps.app });
  } catch (error) {
    return err(failed(`Copying “${entry.name}”`, error));
  } finally {
    source.close();
  }
  const name = await freeProjectName(registry, `${entry.name} (copy)`);
  return newProject(registry, { name, kind: entry.kind }, deps, async (db) => {
    await importBundle(db, bundle, { ...deps, source: `a copy of “${entry.name}”` });
    return renamed(db, name, actor, deps);
  });
}

async function renamed(db: ThreadmarkDB, name: string, actor: Actor, deps: RunDeps): Promise<Problem | undefined> {
  const result = await runOperation(storeOf(db), renameProjectOp, { name }, { ...deps, actor });
  return result.ok ? undefined : result.error;
}

/**
 * Renames the project in the list and its project record (journaled, as the machine's coder).
 * `entry` as the form loaded it: a project renamed since in another window is refused, not renamed
 * over (checked against the list's name: the record of an old project may not have it).
 */
export async function renameProject(registry: ProjectRegistryDB, entry: ProjectEntry, name: string, coder: MachineCoder, deps: RunDeps): Promise<Result<ProjectEntry, Problem>> {
  const trimmed = name.trim();
  const problem = await nameProblem(registry, trimmed, entry.id);
  if (problem) return err(problem);
  const listed = await getProject(registry, entry.id);
  const stale = listed ? staleProjectName(listed.name, entry.name, trimmed) : null;
  if (stale) return err(stale);
  const db = openThreadmarkDB(entry.dbName);
  try {
    const record = await joinAs(db, coder, deps);
    const refused = await renamed(db, trimmed, record, deps);
    if (refused) return err(refused);
    await updateProject(registry, entry.id, { name: trimmed });
    return ok({ ...entry, name: trimmed });
  } catch (error) {
    return err(failed(`Renaming “${entry.name}”`, error));
  } finally {
    db.close();
  }
}

/** Deletes the project's database, then its entry in the list. */
export async function deleteProject(registry: ProjectRegistryDB, entry: ProjectEntry): Promise<Result<void, Problem>> {
  try {
    await Dexie.delete(entry.dbName);
    await Dexie.delete(searchCacheDbName(entry.dbName));
    // Its team-sync replicas (PouchDB keeps each in `_pouch_<name>`: renderer/features/sync/sync-engine.ts).
    const replicas = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    for (const { name } of replicas) if (name?.startsWith(`_pouch_${entry.dbName}~`)) await Dexie.delete(name);
    await removeProject(registry, entry.id);
    return ok(undefined);
  } catch (error) {
    return err(failed(`Deleting “${entry.name}”`, error));
  }
}
