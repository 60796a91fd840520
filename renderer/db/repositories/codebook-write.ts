/**
 * Codebook writes in the app: a core operation (shared/project/operations/) run as the current
 * coder, its result described as the rows it changed, so dialogs can say what happened and undo
 * can revert the journal entry.
 */
import type { CodebookChangeKind, Code, Coding } from '@shared/model/records';
import type { RowChange } from '@shared/project/change-set';
import type { Operation } from '@shared/project/operation';
import type { Problem } from '@shared/problem/problem';
import type { Clock, IdSource } from '@shared/util/clock';
import { ok, type Result } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';
import { runInProject } from '../run-in-project';

export type { RowChange };

export interface CodebookDeps {
  clock: Clock;
  ids: IdSource;
}

/** What one codebook write changed, row by row; `entryId` is its journal entry (null: nothing changed). */
export interface CodebookOperation {
  entryId: string | null;
  kind: CodebookChangeKind | string;
  summary: string;
  codes: Array<RowChange<Code>>;
  codings: Array<RowChange<Coding>>;
}

export type CodebookResult<T = CodebookOperation> = Result<T, Problem>;

export async function runCodebookOperation<I, S, R>(db: ThreadmarkDB, deps: CodebookDeps, operation: Operation<I, S, R>, input: I): Promise<CodebookResult> {
  const result = await runInProject(db, operation, input, deps);
  if (!result.ok) return result;
  const { entry, summary } = result.value;
  const rows = <T>(table: string): Array<RowChange<T>> => (entry?.changes ?? []).filter((c) => c.table === table).map((c) => ({ before: c.before as T | null, after: c.after as T | null }));
  return ok({ entryId: entry?.id ?? null, kind: operation.kind, summary, codes: rows<Code>('codes'), codings: rows<Coding>('codings') });
}
