import type { Clock, IdSource } from '@shared/util/clock';

import { adoptLegacyDatabase } from '../db/registry/adopt-legacy';
import { getMachineCoder, lastOpenedProject, type MachineCoder } from '../db/registry/registry';
import type { ProjectEntry, ProjectRegistryDB } from '../db/registry/registry-db';

export interface BootState {
  /** Who codes on this machine, or null on the first run (the app asks). */
  coder: MachineCoder | null;
  /** The project opened last, which opens again. */
  reopen: ProjectEntry | undefined;
  projectCount: number;
}

/**
 * Finds the projects and who is coding: the database from before projects is listed first, once
 * (adopt-legacy.ts). The demo is created as a project of its own after the first run's name is given.
 */
export async function bootstrap(registry: ProjectRegistryDB, deps: { clock: Clock; ids: IdSource }): Promise<BootState> {
  await adoptLegacyDatabase(registry, deps);
  const [coder, reopen, projectCount] = await Promise.all([getMachineCoder(registry), lastOpenedProject(registry), registry.projects.count()]);
  return { coder, reopen, projectCount };
}
