/**
 * An operation on a project, written once for the app and the CLI: `read` gathers what it needs
 * through the store's reader (the only asynchronous part), `plan` is a pure function from that
 * snapshot, the input and the context (time, actor, ids) to a change-set, a summary and a result.
 * run-operation.ts checks the change-set against the project's rules, applies it atomically and
 * journals it.
 */
import type { Problem } from '../problem/problem';
import type { IdSource } from '../util/clock';
import type { Result } from '../util/result';
import type { ChangeSet } from './change-set';
import type { JournalEntry } from './journal-entry';
import type { ProjectReader } from './project-store';
import type { TableName } from './tables';

/** Who acts: the coder at the keyboard in the app, the CLI's user in a bundle. */
export interface Actor {
  id: string;
  name: string;
}

export interface OperationContext {
  /** The time of this operation (ISO 8601 UTC): every record it writes gets it as `updatedAt`. */
  at: string;
  actor: Actor;
  ids: IdSource;
}

export interface Planned<R> {
  /** The journal's sentence for it: "Coded “…” as “Derailing”". */
  summary: string;
  changes: ChangeSet;
  result: R;
  /**
   * Journal entries kept as they are, before this operation's own entry: the history of a bundle
   * opened into an empty project.
   */
  adoptJournal?: readonly JournalEntry[];
  /** The entry this operation reverts (undo, redo, History → Revert). */
  reverts?: string;
  /**
   * Records are stored exactly as planned, `updatedAt` included: what a team server sent (sync.apply)
   * keeps the time it was made, so it stays identical to the server's copy and is never pushed back.
   */
  keepTimes?: boolean;
}

export type PlanResult<R> = Result<Planned<R>, Problem>;

export interface Operation<I, S, R> {
  /** `coding.add`, `code.merge`, `threads.import`…: the journal's `operation`. */
  kind: string;
  /**
   * The tables its read, its check and its change-set touch, when they are few: the store may then
   * lock only these (and the journal) instead of every table, so the write does not wait behind a
   * read of another table (issue 15: a coding behind the Search Worker's or a backup's reads).
   * Leave it out to lock every table. A table used but not named is an error the store reports.
   */
  tables?: readonly TableName[];
  read(reader: ProjectReader, input: I): Promise<S>;
  plan(snapshot: S, input: I, context: OperationContext): PlanResult<R>;
}

export const defineOperation = <I, S, R>(operation: Operation<I, S, R>): Operation<I, S, R> => operation;

/** A plan that changes nothing: nothing is written or journaled. */
export const unchanged = <R>(summary: string, result: R): PlanResult<R> => ({ ok: true, value: { summary, changes: {}, result } });
