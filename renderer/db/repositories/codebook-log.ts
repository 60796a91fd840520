import type { CodebookChange } from '@shared/model/records';

import type { ThreadmarkDB } from '../database';
import { compareStrings } from '../ordering';

/** Newest first; entries of one operation (same time) stay together. */
const newestFirst = (a: CodebookChange, b: CodebookChange): number =>
  compareStrings(b.at, a.at) || compareStrings(a.operationId, b.operationId) || compareStrings(a.id, b.id);

/** The codebook's change log, newest first; with `codeId`, only the entries about that code. */
export async function listChanges(db: ThreadmarkDB, filter: { codeId?: string } = {}): Promise<CodebookChange[]> {
  const rows = filter.codeId === undefined ? await db.codebookChanges.toArray() : await db.codebookChanges.where('codeId').equals(filter.codeId).toArray();
  return rows.sort(newestFirst);
}

/** Every entry one operation wrote (one per code it changed). */
export async function changesOfOperation(db: ThreadmarkDB, operationId: string): Promise<CodebookChange[]> {
  const rows = await db.codebookChanges.where('operationId').equals(operationId).toArray();
  return rows.sort(newestFirst);
}
