/**
 * "Open a project bundle…": the picked file as bytes, read record by record by the reader the
 * app's bundle import uses (no whole-file string, so a bundle past V8's ~512 MB string limit
 * opens), then made a new project of its own. Every problem of an invalid file comes back to be
 * shown; nothing is created then.
 */
import { formatProblem } from '@shared/problem/problem';
import type { Actor } from '@shared/project/operation';

import type { BundleReadLimits } from '../../db/bundle-io';
import { openBundleAsProject } from '../../db/registry/projects';
import type { ProjectEntry, ProjectRegistryDB } from '../../db/registry/registry-db';
import type { RunDeps } from '../../db/run-in-project';
import { openBundleFile, type ImportReport } from '../../features/files/file-actions';
import type { Services } from '../services';

export async function openBundleProject(
  services: Pick<Services, 'platform' | 'announce'>,
  registry: ProjectRegistryDB,
  coder: Actor,
  deps: RunDeps,
  limits?: BundleReadLimits,
): Promise<{ entry: ProjectEntry } | ImportReport | null> {
  const opened = await openBundleFile(services, 'Open a project bundle', limits);
  if (opened === null || 'problems' in opened) return opened;
  const created = await openBundleAsProject(registry, opened.bundle, opened.name, coder, deps);
  if (!created.ok) return { fileName: opened.name, problems: [formatProblem(created.error)] };
  return { entry: created.value };
}
