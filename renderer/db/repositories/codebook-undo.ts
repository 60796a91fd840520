import { codeProblem } from '@shared/codebook/codebook-problem';
import type { CodebookChangeKind } from '@shared/model/records';
import { err, ok } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';

import { writeCodebook, type CodebookDeps, type CodebookOperation, type CodebookResult, type RowChange } from './codebook-write';
import { sameRecord } from './same-record';

/**
 * Undoes a codebook operation: every row it touched goes back to `before`, in one transaction,
 * logged as "Undid: …". Refused (nothing written) when one of those rows has changed since, or
 * when the codebook as it would be breaks a rule (a name taken meanwhile, codings added to an
 * added code, a post or coder gone): undo never overwrites later work or leaves an orphan.
 */
export async function undoCodebookOperation(db: ThreadmarkDB, operation: CodebookOperation, deps: CodebookDeps): Promise<CodebookResult> {
  return replay(db, operation, deps, 'undo');
}

/** Applies an undone operation again (`before` → `after`), with the checks of undo; logged as "Redid: …". */
export async function redoCodebookOperation(db: ThreadmarkDB, operation: CodebookOperation, deps: CodebookDeps): Promise<CodebookResult> {
  return replay(db, operation, deps, 'redo');
}

function replay(db: ThreadmarkDB, op: CodebookOperation, deps: CodebookDeps, direction: 'undo' | 'redo'): Promise<CodebookResult> {
  const flip = <T>(row: RowChange<T>): RowChange<T> => (direction === 'undo' ? { before: row.after, after: row.before } : row);
  const codes = op.codes.map(flip);
  const codings = op.codings.map(flip);
  return writeCodebook(db, deps, async (context) => {
    const stored = new Map(context.codes.map((c) => [c.id, c]));
    for (const row of codes) {
      const id = (row.before ?? row.after)!.id;
      if (!sameRecord(stored.get(id) ?? null, row.before)) return err(codeProblem(stored.get(id) ?? row.after ?? id, 'id', `changed since “${op.summary}”, so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}`));
    }
    const storedCodings = await db.codings.bulkGet(codings.map((r) => (r.before ?? r.after)!.id));
    const changed = codings.findIndex((row, i) => !sameRecord(storedCodings[i] ?? null, row.before));
    if (changed !== -1) {
      const id = (codings[changed]!.before ?? codings[changed]!.after)!.id;
      return err({ record: `coding ${id}`, field: 'id', message: `changed since “${op.summary}”, so it cannot be ${direction === 'undo' ? 'undone' : 'redone'}` });
    }
    return ok({
      kind: op.kind,
      summary: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${op.summary}`,
      codes,
      codings,
      rowKinds: new Map(codes.map((row) => [(row.before ?? row.after)!.id, replayKind(op.kind, row)])),
    });
  });
}

/** A re-added code is logged as added, a removed one as deleted, any other by the operation's kind. */
function replayKind(kind: CodebookChangeKind, row: RowChange<unknown>): CodebookChangeKind {
  if (row.before === null) return 'add';
  if (row.after === null) return 'delete';
  return kind === 'add' || kind === 'delete' ? 'edit' : kind;
}
