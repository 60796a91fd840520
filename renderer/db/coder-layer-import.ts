/**
 * "Add coder file", database side: the plan is the core's preview (what the researcher confirms);
 * the write is the core's `coders.add-layer` operation, which plans again inside its transaction,
 * so a project changed meanwhile (another window) is planned against as it is now.
 */
import type { Bundle } from '@shared/bundle/bundle';
import type { CoderLayerPlan } from '@shared/bundle/coder-layer-plan';
import { formatProblem } from '@shared/problem/problem';
import { addCoderLayer, previewCoderLayer, type CoderLayerSummary } from '@shared/project/operations/coder-layer';
import type { Clock, IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from './database';
import { runInProject, storeOf } from './run-in-project';
import { coderIdPolicy } from './sync-state';

export type { CoderLayerSummary };

/** In a project connected to a team server, the file's new coders get their names' team ids (one person, one record). */
export async function planCoderFile(db: ThreadmarkDB, incoming: Bundle, ids: IdSource): Promise<CoderLayerPlan> {
  const idPolicy = await coderIdPolicy(db);
  return storeOf(db).read((reader) => previewCoderLayer(reader, incoming, ids, idPolicy));
}

/** Adds the file's layer; coders already present are replaced only when their id is in `replace`. Throws when refused. */
export async function applyCoderLayer(
  db: ThreadmarkDB,
  incoming: Bundle,
  source: string,
  replace: ReadonlySet<string>,
  deps: { clock: Clock; ids: IdSource },
  confirmedCounts?: ReadonlyMap<string, number>,
): Promise<{ summary: CoderLayerSummary; entryId: string | null }> {
  const idPolicy = await coderIdPolicy(db);
  const result = await runInProject(db, addCoderLayer, { incoming, source, replace, idPolicy, ...(confirmedCounts ? { confirmedCounts } : {}) }, deps);
  if (!result.ok) throw new Error(`${formatProblem(result.error)}. Nothing was changed.`);
  return { summary: result.value.result, entryId: result.value.entry?.id ?? null };
}
