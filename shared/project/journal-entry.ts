/**
 * The project journal: every applied change-set, in the order it was applied, with who, when, the
 * operation and each record before and after. Undo, redo and revert run off it, the History panel
 * lists it, and it is what a team server will ship later (docs/decisions/0007-project-journal.md).
 */
import type { AnyRecord, TableName } from './tables';

/** One record's change, as kept: the table, the record's id, and the record before and after. */
export interface JournalChange {
  table: TableName;
  id: string;
  before: AnyRecord | null;
  after: AnyRecord | null;
}

/** Posts an entry added, by id: posts are immutable, so the stored post is the record after. */
export interface AddedPosts {
  threadId: string;
  postIds: string[];
}

export interface JournalEntry {
  id: string;
  /** 1, 2, 3…: the order entries were applied in this project. */
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  /** Who applied it: a coder's id where the actor is a coder. */
  actorId: string;
  /** The actor's name at the time (the CLI acts without being a coder of the project). */
  actorName: string;
  /** The operation's kind: `coding.add`, `code.merge`, `threads.import`, `revert`… */
  operation: string;
  /** One readable sentence: "Merged “A” into “B”: 3 codings moved". */
  summary: string;
  changes: JournalChange[];
  /** Posts added, by id (added posts are not copied into the journal; removed ones are, whole). */
  addedPosts: AddedPosts[];
  /** For a revert (undo, redo, History → Revert): the entry it reverts. */
  reverts: string | null;
}

/** Which tables an entry touches, for filtering the History panel. */
export function entryTables(entry: JournalEntry): Set<TableName> {
  const tables = new Set(entry.changes.map((c) => c.table));
  if (entry.addedPosts.length > 0) tables.add('posts');
  return tables;
}

/** How many posts an entry added. */
export const addedPostCount = (entry: JournalEntry): number => entry.addedPosts.reduce((n, a) => n + a.postIds.length, 0);
