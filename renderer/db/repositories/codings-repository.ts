import type { Coding } from '@shared/model/records';
import { addCoding as addCodingOp, editMemo, removeCoding as removeCodingOp } from '@shared/project/operations/codings';
import { revertEntry } from '@shared/project/operations/revert';
import { formatProblem } from '@shared/problem/problem';
import type { Clock, IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from '../database';
import { runInProject } from '../run-in-project';

export type NewCoding = Omit<Coding, 'id' | 'createdAt' | 'updatedAt' | 'quote' | 'threadId'>;

type Deps = { clock: Clock; ids: IdSource };

/** Thrown when the core refuses a coding write; its message names the record and field. */
export class CodingRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodingRefusedError';
  }
}

/**
 * Stores a coding (shared/project/operations/codings.ts): offsets in code points, end exclusive;
 * `quote` and `threadId` come from the stored post. Returns it with its journal entry's id.
 */
export async function addCoding(db: ThreadmarkDB, input: NewCoding, deps: Deps): Promise<{ coding: Coding; entryId: string }> {
  const result = await runInProject(db, addCodingOp, input, deps);
  if (!result.ok) throw new CodingRefusedError(formatProblem(result.error));
  return { coding: result.value.result, entryId: result.value.entry!.id };
}

/** Removes a coding (and its place among its code's exemplars); undefined when it was already gone. */
export async function removeCoding(db: ThreadmarkDB, id: string, deps: Deps): Promise<{ coding: Coding; entryId: string } | undefined> {
  const result = await runInProject(db, removeCodingOp, { codingId: id }, deps);
  if (!result.ok) {
    if (result.error.field === 'id') return undefined;
    throw new CodingRefusedError(formatProblem(result.error));
  }
  return { coding: result.value.result, entryId: result.value.entry!.id };
}

/**
 * Replaces a coding's memo; `entryId` null when the memo was already that. `base`: the memo the
 * editor loaded; a memo changed since (another window) is refused, not overwritten.
 */
export async function updateMemo(db: ThreadmarkDB, id: string, memo: string, deps: Deps, base?: string): Promise<{ after: Coding; entryId: string | null }> {
  const result = await runInProject(db, editMemo, { codingId: id, memo, ...(base !== undefined ? { base } : {}) }, deps);
  if (!result.ok) throw new CodingRefusedError(formatProblem(result.error));
  return { after: result.value.result, entryId: result.value.entry?.id ?? null };
}

/**
 * Reverts a journal entry (undo of a step, or redo: the revert of an undo). Returns the revert's
 * own entry id, which the next redo or undo reverts in turn. Refusals throw with the reason.
 */
export async function revertJournalEntry(db: ThreadmarkDB, entryId: string, verb: 'undo' | 'redo', deps: Deps): Promise<string> {
  const result = await runInProject(db, revertEntry, { entryId, verb }, deps);
  if (!result.ok) throw new CodingRefusedError(formatProblem(result.error));
  return result.value.entry!.id;
}
