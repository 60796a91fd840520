import type { Problem } from '@shared/problem/problem';
import { formatCodebookProblem } from '@shared/codebook/codebook-problem';
import { codebookChanges } from '@shared/project/queries/codebook-changes';
import type { Code, CodebookChange, Coding } from '@shared/model/records';
import type { Clock } from '@shared/util/clock';
import type { Result } from '@shared/util/result';

import { importBundle } from '../bundle-io';
import type { ThreadmarkDB } from '../database';
import type { CodebookDeps } from '../repositories/codebook-write';
import { setCurrentCoderId } from '../repositories/settings-repository';
import { freshDb, sampleBundle, testClock, testIds } from './test-support';

/** When codebookDb opens the sample: every sample record carries it as `updatedAt`. */
export const OPENED_AT = '2024-12-31T00:00:00.000Z';

/** A clock that always says `at`. */
export const fixedClock = (at: string): Clock => ({ now: () => at });

/** The journal's last seq once each codebookDb was set up: its entries are the sample's own. */
const setupSeq = new WeakMap<ThreadmarkDB, number>();

/**
 * The sample project with Ana as the current coder (who every codebook change is logged for),
 * opened at OPENED_AT with ids "open-1"…: its journal is the sample's entry op-1, then the opening
 * (open-1).
 */
export async function codebookDb(): Promise<ThreadmarkDB> {
  const db = freshDb();
  await importBundle(db, sampleBundle(), { clock: fixedClock(OPENED_AT), ids: testIds('open') });
  await setCurrentCoderId(db, 'coder-ana');
  setupSeq.set(db, (await db.journal.orderBy('seq').last())?.seq ?? 0);
  return db;
}

/** The test clock (2025-01-01T00:00:00Z, +1 s per call) and ids "new-1", "new-2", … */
export function codebookDeps(): CodebookDeps {
  return { clock: testClock(), ids: testIds('new') };
}

export function valueOf<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`expected success, got: ${formatCodebookProblem(result.error)}`);
  return result.value;
}

export function problemOf(result: Result<unknown, Problem>): string {
  return result.ok ? 'no problem' : formatCodebookProblem(result.error);
}

/** Every code and coding, by id, exactly as stored: "nothing was written" compares these. */
export async function codebookState(db: ThreadmarkDB): Promise<{ codes: Code[]; codings: Coding[] }> {
  const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { codes: byId(await db.codes.toArray()), codings: byId(await db.codings.toArray()) };
}

/** A record without `updatedAt` (every write stamps it with its time, an undo too). */
export function withoutUpdatedAt<T extends { updatedAt?: string }>(record: T): Omit<T, 'updatedAt'> {
  const { updatedAt, ...rest } = record;
  void updatedAt;
  return rest;
}

/**
 * The codebook's content: codebookState without `updatedAt`. An undo puts every record back as it
 * was, stamped with the undo's time, so "undone exactly" compares this.
 */
export async function codebookContent(db: ThreadmarkDB): Promise<{ codes: Array<Omit<Code, 'updatedAt'>>; codings: Array<Omit<Coding, 'updatedAt'>> }> {
  const { codes, codings } = await codebookState(db);
  return { codes: codes.map(withoutUpdatedAt), codings: codings.map(withoutUpdatedAt) };
}

/**
 * Change-log rows (a view of the journal: one row per code an entry changed) written after the
 * database was set up, oldest first: by time, then entry, then the code's place in the entry.
 */
export async function newChanges(db: ThreadmarkDB): Promise<CodebookChange[]> {
  const after = setupSeq.get(db) ?? 0;
  const all = await db.journal.orderBy('seq').toArray();
  const seqOf = new Map(all.map((e) => [e.id, e.seq]));
  const place = (id: string): number => Number(id.slice(id.lastIndexOf(':') + 1));
  // The whole journal goes in (an import's rows name parent codes the setup added), the setup's rows stay out.
  return codebookChanges(all).filter((row) => seqOf.get(row.operationId)! > after).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : seqOf.get(a.operationId)! - seqOf.get(b.operationId)! || place(a.id) - place(b.id)));
}
