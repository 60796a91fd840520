/**
 * What an operation changes: per table, each record before and after (null before for an added
 * record, null after for a removed one). A change-set is the only way the core writes, so the
 * same set is what a store applies, what the journal keeps and what undo inverts.
 */
import { TABLES, type ProjectRecords, type TableName } from './tables';

export interface RowChange<T> {
  before: T | null;
  after: T | null;
}

export type ChangeSet = { [K in TableName]?: Array<RowChange<ProjectRecords[K]>> };

/** The id of the record a row changes. */
export const rowId = (row: RowChange<{ id: string }>): string => (row.after ?? row.before)!.id;

export function isEmptyChangeSet(changes: ChangeSet): boolean {
  return TABLES.every((t) => (changes[t]?.length ?? 0) === 0);
}

/** The change-set that undoes this one: every row's before and after swapped. */
export function invertChangeSet(changes: ChangeSet): ChangeSet {
  const out: ChangeSet = {};
  for (const table of TABLES) {
    const rows = changes[table] as Array<RowChange<unknown>> | undefined;
    if (rows && rows.length > 0) (out as Record<string, unknown>)[table] = rows.map((r) => ({ before: r.after, after: r.before }));
  }
  return out;
}

/** Rows of one table (an empty list when the set does not touch it). */
export function rowsOf<K extends TableName>(changes: ChangeSet, table: K): Array<RowChange<ProjectRecords[K]>> {
  return (changes[table] ?? []) as Array<RowChange<ProjectRecords[K]>>;
}

/** How many records each table gains, changes and loses: "3 codes added, 1 changed". */
export function countChanges(changes: ChangeSet): Record<TableName, { added: number; changed: number; removed: number }> {
  const out = {} as Record<TableName, { added: number; changed: number; removed: number }>;
  for (const table of TABLES) {
    const counts = { added: 0, changed: 0, removed: 0 };
    for (const row of rowsOf(changes, table)) {
      if (row.before === null) counts.added++;
      else if (row.after === null) counts.removed++;
      else counts.changed++;
    }
    out[table] = counts;
  }
  return out;
}
