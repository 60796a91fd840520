/**
 * The project's history as people read it: the journal filtered by who, what kind of operation,
 * when and which record, and each entry's counts (records it added, changed and removed per table,
 * posts it added). `threadmark history` and the app's History panel both read it through here, so
 * a filter means the same in both.
 */
import type { JournalEntry } from '../journal-entry';
import { TABLES, type TableName } from '../tables';

export interface JournalFilter {
  /** The actor: their name (any letter case, surrounding spaces ignored) or their id. */
  coder?: string;
  /** The operation: its kind (`code.merge`) or its family (`code` matches `code.add`, `code.merge`…). */
  operation?: string;
  /** Entries at or after this time: ISO 8601 with a zone (`…Z`, `+02:00`), or a date (from its start, UTC). */
  since?: string;
  /** Entries at or before this time: as `since`; a date includes that whole day (UTC). */
  until?: string;
  /** Entries that changed this record (any table) or added this post or posts to this thread. */
  record?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A date, then a time with seconds optional and fractions allowed, then a zone: never local time.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The first and last millisecond a `since`/`until` value stands for: one instant, or a whole UTC
 * day for a date alone; null when it is neither (a time without a zone would depend on the machine).
 */
export function historyTimeRange(value: string): { first: number; last: number } | null {
  const text = value.trim();
  if (DATE.test(text)) {
    const first = Date.parse(`${text}T00:00:00.000Z`);
    return Number.isNaN(first) ? null : { first, last: first + DAY_MS - 1 };
  }
  if (!INSTANT.test(text)) return null;
  const at = Date.parse(text.toUpperCase());
  return Number.isNaN(at) ? null : { first: at, last: at };
}

const nameKey = (name: string): string => name.trim().normalize('NFC').toLowerCase();

/**
 * The entries that pass every criterion given, in their order. A `since` or `until` that is not a
 * time (historyTimeRange) matches nothing: check it first where the user types it.
 */
export function filterJournal(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  const tests: Array<(entry: JournalEntry) => boolean> = [];
  if (filter.coder !== undefined) {
    const key = nameKey(filter.coder);
    tests.push((e) => e.actorId === filter.coder || nameKey(e.actorName) === key);
  }
  if (filter.operation !== undefined) {
    const kind = filter.operation.trim();
    tests.push((e) => e.operation === kind || e.operation.startsWith(`${kind}.`));
  }
  if (filter.since !== undefined) {
    const from = historyTimeRange(filter.since)?.first ?? Number.NaN;
    tests.push((e) => Date.parse(e.at) >= from);
  }
  if (filter.until !== undefined) {
    const to = historyTimeRange(filter.until)?.last ?? Number.NaN;
    tests.push((e) => Date.parse(e.at) <= to);
  }
  if (filter.record !== undefined) {
    const id = filter.record;
    tests.push((e) => e.changes.some((c) => c.id === id) || e.addedPosts.some((a) => a.threadId === id || a.postIds.includes(id)));
  }
  return entries.filter((entry) => tests.every((test) => test(entry)));
}

export interface TableCounts {
  added: number;
  changed: number;
  removed: number;
}

export interface EntryCounts {
  /** Records the entry added, changed or removed, other than the posts it added (journaled by id). */
  records: number;
  /** Posts it added (journaled by id). */
  addedPosts: number;
  /** Per table it touches (tables it does not touch are left out), added posts included. */
  tables: Partial<Record<TableName, TableCounts>>;
}

/** What an entry did, counted: "3 records changed, 120 posts added". */
export function describeEntry(entry: JournalEntry): EntryCounts {
  const tables: Partial<Record<TableName, TableCounts>> = {};
  const countsOf = (table: TableName): TableCounts => (tables[table] ??= { added: 0, changed: 0, removed: 0 });
  for (const change of entry.changes) {
    const counts = countsOf(change.table);
    if (change.before === null) counts.added++;
    else if (change.after === null) counts.removed++;
    else counts.changed++;
  }
  const addedPosts = entry.addedPosts.reduce((n, a) => n + a.postIds.length, 0);
  if (addedPosts > 0) countsOf('posts').added += addedPosts;
  // In table order, so the counts read the same however the entry listed its changes.
  const ordered: Partial<Record<TableName, TableCounts>> = {};
  for (const table of TABLES) if (tables[table]) ordered[table] = tables[table];
  return { records: entry.changes.length, addedPosts, tables: ordered };
}

/**
 * The entry an undo takes back: the latest action (not itself a revert) whose effect is still
 * applied. An entry is applied unless an applied revert reverts it, so an undone action that was
 * redone counts as applied again. Undefined when there is nothing to undo.
 */
export function latestUndoable(entries: readonly JournalEntry[]): JournalEntry | undefined {
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  const revertedByApplied = new Set<string>();
  let latest: JournalEntry | undefined;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const entry = ordered[i]!;
    if (revertedByApplied.has(entry.id)) continue;
    if (entry.reverts !== null) revertedByApplied.add(entry.reverts);
    else latest ??= entry;
  }
  return latest;
}
