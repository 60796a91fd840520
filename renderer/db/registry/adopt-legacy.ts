/**
 * Before projects, Threadmark kept everything in one database named "threadmark" (the demo
 * imported into it on first run) and the current coder in its `meta` table. On the first start
 * with the registry, that database becomes a listed project under its own name, keeping its
 * database, and its current coder becomes the machine's coder. It runs once per profile.
 */
import { Dexie } from 'dexie';

import type { Clock, IdSource } from '@shared/util/clock';

import { isDatabaseEmpty } from '../bundle-io';
import { openThreadmarkDB } from '../database';
import { getCurrentCoderId } from '../repositories/settings-repository';
import { storeOf } from '../run-in-project';
import { projectCounts } from './projects';
import { getMachineCoder, setMachineCoder, type MachineCoder } from './registry';
import type { ProjectEntry, ProjectRegistryDB } from './registry-db';

export const LEGACY_DB_NAME = 'threadmark';
const CHECKED = 'legacyDatabaseChecked';

/** The adopted project's entry, or null when there was nothing to adopt (or it was done before). */
export async function adoptLegacyDatabase(registry: ProjectRegistryDB, deps: { clock: Clock; ids: IdSource }, legacyName = LEGACY_DB_NAME): Promise<ProjectEntry | null> {
  if ((await registry.settings.get(CHECKED))?.value === true) return null;
  const found = await readLegacy(legacyName);
  const now = deps.clock.now();
  return registry.transaction('rw', [registry.projects, registry.settings], async () => {
    // Another start (a second window) may have adopted it meanwhile.
    if ((await registry.settings.get(CHECKED))?.value === true) return null;
    await registry.settings.put({ key: CHECKED, value: true });
    if (!found || (await registry.projects.where('dbName').equals(legacyName).count()) > 0) return null;
    const entry: ProjectEntry = {
      id: deps.ids.newId(),
      name: found.name,
      dbName: legacyName,
      createdAt: found.createdAt ?? now,
      // Opened now: the researcher finds their work open on the first start of the new version.
      openedAt: now,
      kind: 'project',
      counts: found.counts,
    };
    await registry.projects.add(entry);
    if (found.coder && !(await getMachineCoder(registry))) await setMachineCoder(registry, found.coder);
    return entry;
  });
}

async function readLegacy(name: string) {
  // Dexie.exists never creates the database it asks about.
  if (!(await Dexie.exists(name))) return null;
  const db = openThreadmarkDB(name);
  try {
    if (await isDatabaseEmpty(db)) return null;
    const [project, coderId] = await Promise.all([storeOf(db).read((reader) => reader.project()), getCurrentCoderId(db)]);
    const coderRecord = coderId ? await db.coders.get(coderId) : undefined;
    const coder: MachineCoder | null = coderRecord ? { id: coderRecord.id, name: coderRecord.name } : null;
    return { name: project?.name.trim() || 'My project', createdAt: project?.createdAt, coder, counts: await projectCounts(db) };
  } finally {
    db.close();
  }
}
