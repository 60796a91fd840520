/**
 * Bundles in and out of the app's database, through the application core: the export is the
 * core's canonical bundle (shared/project/queries/project-bundle.ts, the same the CLI writes); an
 * import is the core's `bundle.import` operation, all or nothing, journaled.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { formatProblem } from '@shared/problem/problem';
import type { Actor } from '@shared/project/operation';
import { importBundle as importBundleOp, type BundleImportSummary } from '@shared/project/operations/bundle-import';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { runOperation } from '@shared/project/run-operation';
import { randomIds, type Clock, type IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from './database';
import { currentActor, storeOf } from './run-in-project';

export type ImportSummary = BundleImportSummary;

/** Who opens a bundle before anyone has said who is coding (the demo on first run). */
export const APP_ACTOR: Actor = { id: 'threadmark', name: 'Threadmark' };

/** Everything in the database as a bundle, read in one transaction (a consistent snapshot). */
export async function exportBundle(db: ThreadmarkDB, deps: { clock: Clock; app: { name: string; version: string } }): Promise<Bundle> {
  const exportedAt = deps.clock.now();
  const result = await storeOf(db).read((reader) => projectBundle(reader, { exportedAt, app: deps.app }));
  if (!result.ok) throw new Error(`Nothing to export: ${result.error.message}.`);
  return result.value;
}

/**
 * Writes a validated bundle in ONE transaction: records whose id already exists are skipped and
 * counted, stored data is never overwritten. Throws (nothing written) when the core refuses it.
 */
export async function importBundle(db: ThreadmarkDB, bundle: Bundle, deps: { clock: Clock; ids?: IdSource; source?: string } = { clock: { now: () => new Date().toISOString() } }): Promise<ImportSummary> {
  const actor = (await currentActor(db)) ?? APP_ACTOR;
  const result = await runOperation(storeOf(db), importBundleOp, { bundle, source: deps.source ?? bundle.project.name }, { clock: deps.clock, ids: deps.ids ?? randomIds, actor });
  if (!result.ok) throw new Error(formatProblem(result.error));
  return result.value.result;
}

/** True when no project, thread, post, code, coder, coding, version or journal entry is stored (settings don't count). */
export async function isDatabaseEmpty(db: ThreadmarkDB): Promise<boolean> {
  const tables = [db.projects, db.threads, db.postPages, db.codes, db.coders, db.codings, db.codebookVersions, db.assignments, db.rounds, db.decisions, db.memos, db.attributes, db.attributeValues, db.journal];
  return db.transaction('r', tables, async () => (await Promise.all(tables.map((t) => t.count()))).every((n) => n === 0));
}
