import { randomTableProject, storeOf } from '@shared/analysis/tables/random-project.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import { bundleFromStore } from '@shared/project/bundle-store';

import { memoryIo } from '../memory-io.test-helpers';

export const TABLE_FILE = 'random.threadmark.json';

/** A random project (seed) written as a bundle file into a fresh in-memory CLI. */
export async function tableProjectIo(seed: number) {
  const project = randomTableProject(seed);
  const bundle = await bundleFromStore(storeOf(project), { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } });
  if (!bundle.ok) throw new Error(bundle.error.message);
  return { project, m: memoryIo({ [TABLE_FILE]: serializeBundle(bundle.value) }) };
}
