/**
 * Which records journal entries touched: what a reader that read the project in pieces (a backup,
 * renderer/db/backup/backup-snapshot.ts) must read again to be consistent. Every write is journaled
 * with each record it changed, so a record no entry after seq S names is the same now as at S.
 */
import type { JournalEntry } from './journal-entry';
import type { SmallTableName } from './small-tables';

export interface TouchedRecords {
  /** The project record. */
  project: boolean;
  /** Small tables with any record changed (read again whole: they are small). */
  tables: Set<SmallTableName>;
  /** Codings added, changed or removed, by id. */
  codingIds: Set<string>;
  /** Threads with a post added, changed or removed (their posts read again in reading order). */
  postThreadIds: Set<string>;
}

export const nothingTouched = (): TouchedRecords => ({ project: false, tables: new Set(), codingIds: new Set(), postThreadIds: new Set() });

export const isUntouched = (t: TouchedRecords): boolean => !t.project && t.tables.size === 0 && t.codingIds.size === 0 && t.postThreadIds.size === 0;

/** What `entries` touched, added to `into` (a fresh set when not given). */
export function touchedBy(entries: Iterable<JournalEntry>, into: TouchedRecords = nothingTouched()): TouchedRecords {
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (change.table === 'projects') into.project = true;
      else if (change.table === 'codings') into.codingIds.add(change.id);
      else if (change.table === 'posts') {
        for (const side of [change.before, change.after]) if (side !== null) into.postThreadIds.add((side as { threadId: string }).threadId);
      } else into.tables.add(change.table);
    }
    for (const added of entry.addedPosts) into.postThreadIds.add(added.threadId);
  }
  return into;
}
