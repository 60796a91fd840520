import { formatCodebookProblem, type CodebookProblem } from '@shared/codebook/codebook-problem';
import type { Code, CodebookChange, Coding } from '@shared/model/records';
import type { Result } from '@shared/util/result';

import { importBundle } from '../bundle-io';
import type { ThreadmarkDB } from '../database';
import type { CodebookDeps } from '../repositories/codebook-write';
import { setCurrentCoderId } from '../repositories/settings-repository';
import { freshDb, sampleBundle, testClock, testIds } from './test-support';

/** The sample project with Ana as the current coder (who every codebook change is logged for). */
export async function codebookDb(): Promise<ThreadmarkDB> {
  const db = freshDb();
  await importBundle(db, sampleBundle());
  await setCurrentCoderId(db, 'coder-ana');
  return db;
}

/** The test clock (2025-01-01T00:00:00Z, +1 s per call) and ids "new-1", "new-2", … */
export function codebookDeps(): CodebookDeps {
  return { clock: testClock(), ids: testIds('new') };
}

export function valueOf<T>(result: Result<T, CodebookProblem>): T {
  if (!result.ok) throw new Error(`expected success, got: ${formatCodebookProblem(result.error)}`);
  return result.value;
}

export function problemOf(result: Result<unknown, CodebookProblem>): string {
  return result.ok ? 'no problem' : formatCodebookProblem(result.error);
}

/** Every code and coding, by id: compares the whole codebook before and after. */
export async function codebookState(db: ThreadmarkDB): Promise<{ codes: Code[]; codings: Coding[] }> {
  const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { codes: byId(await db.codes.toArray()), codings: byId(await db.codings.toArray()) };
}

/** Change-log rows written after the sample's own entry, in the order written (time, then test id). */
export async function newChanges(db: ThreadmarkDB): Promise<CodebookChange[]> {
  const rows = await db.codebookChanges.toArray();
  return rows.filter((r) => r.id !== 'ch-1').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id, 'en', { numeric: true })));
}
