/**
 * Reading and writing the project registry (registry-db.ts): the list of projects and the app's
 * settings. Only renderer/db/registry and the app shell use it.
 */
import type { Coder } from '@shared/model/records';

import type { ProjectEntry, ProjectRegistryDB } from './registry-db';

export const PROJECT_DB_PREFIX = 'threadmark-project-';

/** The database a new project with this id lives in. */
export const projectDbName = (id: string): string => `${PROJECT_DB_PREFIX}${id}`;

/** Who is coding on this machine: their name, and the id their coder record gets in each project. */
export type MachineCoder = Pick<Coder, 'id' | 'name'>;

const CODER = 'coder';

/** Projects, the last opened first, then those never opened by name. */
export async function listProjects(registry: ProjectRegistryDB): Promise<ProjectEntry[]> {
  const all = await registry.projects.toArray();
  return all.sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? '') || a.name.localeCompare(b.name, 'en'));
}

export const getProject = (registry: ProjectRegistryDB, id: string): Promise<ProjectEntry | undefined> => registry.projects.get(id);

/** The project opened last, which opens again on start; undefined when none ever was. */
export async function lastOpenedProject(registry: ProjectRegistryDB): Promise<ProjectEntry | undefined> {
  return (await listProjects(registry)).find((p) => p.openedAt !== null);
}

export async function addProject(registry: ProjectRegistryDB, entry: ProjectEntry): Promise<void> {
  await registry.projects.add(entry);
}

export async function updateProject(registry: ProjectRegistryDB, id: string, patch: Partial<Omit<ProjectEntry, 'id' | 'dbName'>>): Promise<void> {
  await registry.projects.update(id, patch);
}

export async function removeProject(registry: ProjectRegistryDB, id: string): Promise<void> {
  await registry.projects.delete(id);
}

/** The registered project of this name (trimmed, any case), if any: names in the list are unique. */
export async function projectNamed(registry: ProjectRegistryDB, name: string, except?: string): Promise<ProjectEntry | undefined> {
  const key = nameKey(name);
  return (await registry.projects.toArray()).find((p) => p.id !== except && nameKey(p.name) === key);
}

/** `name`, or `name (2)`, `name (3)`… : the first that no project has. */
export async function freeProjectName(registry: ProjectRegistryDB, name: string): Promise<string> {
  const taken = new Set((await registry.projects.toArray()).map((p) => nameKey(p.name)));
  if (!taken.has(nameKey(name))) return name;
  for (let n = 2; ; n++) if (!taken.has(nameKey(`${name} (${n})`))) return `${name} (${n})`;
}

const nameKey = (name: string): string => name.trim().normalize('NFC').toLowerCase();

export async function getMachineCoder(registry: ProjectRegistryDB): Promise<MachineCoder | null> {
  const row = await registry.settings.get(CODER);
  const value = row?.value as Partial<MachineCoder> | undefined;
  return typeof value?.id === 'string' && typeof value.name === 'string' && value.name.trim() !== '' ? { id: value.id, name: value.name } : null;
}

/** Kept in IndexedDB, not localStorage, which loses writes on a quick kill (docs/storage.md). */
export async function setMachineCoder(registry: ProjectRegistryDB, coder: MachineCoder): Promise<void> {
  await registry.settings.put({ key: CODER, value: { id: coder.id, name: coder.name } });
}
