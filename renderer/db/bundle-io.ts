/**
 * Bundles in and out of the app's database, through the application core: the export is the
 * core's canonical bundle (shared/project/queries/project-bundle.ts, the same the CLI writes); an
 * import is the core's `bundle.import` operation, all or nothing, journaled.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { byteChunks, readBundleChunks, TEXT_FALLBACK_BYTES } from '@shared/bundle/read-bundle-stream';
import { bundleBytes } from '@shared/bundle/serialize-chunks';
import { formatProblem } from '@shared/problem/problem';
import type { Actor } from '@shared/project/operation';
import { importBundle as importBundleOp, type BundleImportSummary } from '@shared/project/operations/bundle-import';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { runOperation } from '@shared/project/run-operation';
import { randomIds, type Clock, type IdSource } from '@shared/util/clock';
import { err, type Result } from '@shared/util/result';

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

/**
 * True when no project, thread, post, code, coder, coding, version or journal entry is stored (settings don't count).
 * Each table is asked for one key, not counted: Chromium counts by stepping through every row, seconds
 * at a million posts, and this runs at every start.
 */
export async function isDatabaseEmpty(db: ThreadmarkDB): Promise<boolean> {
  const tables = [db.projects, db.threads, db.postPages, db.codes, db.coders, db.codings, db.codebookVersions, db.assignments, db.rounds, db.decisions, db.memos, db.attributes, db.attributeValues, db.journal];
  return db.transaction('r', tables, async () => (await Promise.all(tables.map((t) => t.limit(1).primaryKeys()))).every((keys) => keys.length === 0));
}

/** Why a bundle file was not read: its problems (formatted), or a file that is not UTF-8 text at all (said in the status line). */
export type BundleFileFailure = { problems: string[] } | { notText: string };

/** How a bundle file is read: its piece size, and up to what size a non-JSON file is decoded whole for its message (tests make both small). */
export interface BundleReadLimits {
  chunkBytes?: number;
  textFallbackBytes?: number;
}

/**
 * A bundle file's bytes as the bundle, or why not. Read in chunks, never as one string, so a bundle
 * past V8's string limit (~512 MB) opens; a file that is not JSON is decoded whole (while it can
 * be) so the message names line and column, as parseBundleText's does.
 */
export async function readBundleFile(name: string, bytes: Uint8Array, limits: BundleReadLimits = {}): Promise<Result<Bundle, BundleFileFailure>> {
  const text = async () => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  try {
    const read = await readBundleChunks(byteChunks(bytes, limits.chunkBytes), bytes.length <= (limits.textFallbackBytes ?? TEXT_FALLBACK_BYTES) ? text : null);
    return read.ok ? read : err({ problems: read.error.map(formatProblem) });
  } catch {
    return err({ notText: `${name} is not valid UTF-8 text. Save it as UTF-8 and open it again.` });
  }
}

/** The bundle as the bytes of its file: serializeBundle's, built in chunks, never one string. */
export const bundleFileBytes = (bundle: Bundle): Uint8Array => bundleBytes(bundle);
