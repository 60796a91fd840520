/**
 * Which journal entries the History panel shows. Coder, operation kind and time go through the
 * core's `filterJournal` (shared/project/queries/history.ts), so they mean what they mean for
 * `threadmark history`; the panel's dates are the user's local calendar days (both ends included),
 * passed on as instants. The record field is free text: part of any id the entry names, or words of
 * its summary.
 */
import type { JournalEntry } from '@shared/project/journal-entry';
import { filterJournal, type JournalFilter } from '@shared/project/queries/history';

export interface HistoryFilter {
  /** An actor's id; '' for anyone. */
  actorId: string;
  /** An operation kind (`coding.add`…); '' for any. */
  operation: string;
  /** Free text: part of a record id, or words of the summary; '' for any. */
  record: string;
  /** Local dates as `<input type="date">` gives them (YYYY-MM-DD); '' for no bound. */
  from: string;
  to: string;
}

export const NO_FILTER: HistoryFilter = { actorId: '', operation: '', record: '', from: '', to: '' };

export const isFiltering = (f: HistoryFilter): boolean => f.actorId !== '' || f.operation !== '' || f.record.trim() !== '' || f.from !== '' || f.to !== '';

/** Local midnight at the start of a YYYY-MM-DD day, in ms; null for anything else. */
export function localDayStart(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(year, month - 1, day);
  // new Date rolls 2025-02-31 over into March: not a day.
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return at.getTime();
}

/** The next local midnight after the day starting at `start` (a day is not always 24 hours). */
function nextDayStart(start: number): number {
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** The time range's problem in words, or null: a `from` after `to` matches nothing. */
export function rangeProblem(f: HistoryFilter): string | null {
  const from = localDayStart(f.from);
  const to = localDayStart(f.to);
  return from !== null && to !== null && from > to ? 'The “From” date is after the “To” date: no change can match.' : null;
}

/** The panel's coder, kind and dates as the core's filter (dates as instants: the local day's first and last millisecond). */
export function toJournalFilter(f: HistoryFilter): JournalFilter {
  const filter: JournalFilter = {};
  if (f.actorId !== '') filter.coder = f.actorId;
  if (f.operation !== '') filter.operation = f.operation;
  const from = localDayStart(f.from);
  if (from !== null) filter.since = new Date(from).toISOString();
  const to = localDayStart(f.to);
  if (to !== null) filter.until = new Date(nextDayStart(to) - 1).toISOString();
  return filter;
}

/** Every id an entry names: its own, the records it changed, the threads and posts it added, the entry it reverts. */
export function entryIds(entry: JournalEntry): string[] {
  const ids = [entry.id, ...entry.changes.map((c) => c.id)];
  for (const added of entry.addedPosts) ids.push(added.threadId, ...added.postIds);
  if (entry.reverts) ids.push(entry.reverts);
  return ids;
}

/** The record field: `text` (trimmed, any case) in the summary or in any id the entry names. */
export function mentions(entry: JournalEntry, text: string): boolean {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted === '') return true;
  return entry.summary.toLocaleLowerCase().includes(wanted) || entryIds(entry).some((id) => id.toLocaleLowerCase().includes(wanted));
}

/** The entries the filter lets through, in their order (the journal's: seq ascending). */
export function filterHistory(entries: readonly JournalEntry[], f: HistoryFilter): readonly JournalEntry[] {
  if (!isFiltering(f)) return entries;
  const kept = filterJournal(entries, toJournalFilter(f));
  return f.record.trim() === '' ? kept : kept.filter((e) => mentions(e, f.record));
}

export interface HistoryPage {
  /** The newest `shown` entries that match, newest first. */
  entries: JournalEntry[];
  /** How many match in all. */
  total: number;
}

/** What the panel shows: `entries` is the journal (seq ascending). */
export function historyPage(entries: readonly JournalEntry[], f: HistoryFilter, shown: number): HistoryPage {
  const matched = filterHistory(entries, f);
  return { entries: matched.slice(Math.max(0, matched.length - shown)).reverse(), total: matched.length };
}

/** For each reverted entry, the latest entry that reverts it (`entries` seq ascending). */
export function revertsByTarget(entries: readonly JournalEntry[]): Map<string, JournalEntry> {
  const out = new Map<string, JournalEntry>();
  for (const e of entries) if (e.reverts !== null) out.set(e.reverts, e);
  return out;
}
