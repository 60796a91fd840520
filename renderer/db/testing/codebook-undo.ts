import { revertEntry } from '@shared/project/operations/revert';
import { ok } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';

import { runCodebookOperation, type CodebookDeps, type CodebookOperation, type CodebookResult } from '../repositories/codebook-write';

/**
 * Undo and redo of a codebook operation as tests drive them (the app keeps an undo stack of journal
 * steps, features/coding/journal-step.ts): both revert journal entries.
 *
 * Undoes a codebook operation by reverting its journal entry: refused (nothing written) when a row
 * it touched has changed since, or the project's rules would break.
 */
export async function undoCodebookOperation(db: ThreadmarkDB, operation: CodebookOperation, deps: CodebookDeps): Promise<CodebookResult> {
  if (operation.entryId === null) return ok(operation);
  return runCodebookOperation(db, deps, revertEntry, { entryId: operation.entryId, verb: 'undo' });
}

/** Applies an undone operation again: reverts the latest entry that reverted it (its undo). */
export async function redoCodebookOperation(db: ThreadmarkDB, operation: CodebookOperation, deps: CodebookDeps): Promise<CodebookResult> {
  if (operation.entryId === null) return ok(operation);
  const undo = await db.journal.where('seq').above(0).filter((e) => e.reverts === operation.entryId).last();
  if (!undo) return { ok: false, error: { record: 'journal', message: `“${operation.summary}” has not been undone, so there is nothing to redo` } };
  return runCodebookOperation(db, deps, revertEntry, { entryId: undo.id, verb: 'redo' });
}
