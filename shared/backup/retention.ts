/**
 * Which backups to keep (reliability.md §2.8): the newest 10, the newest of each of the last 14
 * days, and the newest of each of the last 8 weeks. Everything else is deleted after a new backup
 * has been written and verified, never before.
 */
import type { BackupFile } from './backup-name';

export const KEEP_LATEST = 10;
export const KEEP_DAYS = 14;
export const KEEP_WEEKS = 8;

const DAY = 24 * 60 * 60 * 1000;

/** The names to delete, given every backup of one project and the time now. */
export function backupsToDelete(backups: readonly BackupFile[], now: string): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set(newestFirst.slice(0, KEEP_LATEST).map((b) => b.name));
  const nowMs = Date.parse(now);
  const days = new Set<number>();
  const weeks = new Set<number>();
  for (const b of newestFirst) {
    const age = Math.floor((nowMs - Date.parse(b.at)) / DAY);
    const day = Math.floor(Date.parse(b.at) / DAY);
    const week = Math.floor(day / 7);
    if (age < KEEP_DAYS && !days.has(day)) {
      days.add(day);
      keep.add(b.name);
    }
    if (age < KEEP_WEEKS * 7 && !weeks.has(week)) {
      weeks.add(week);
      keep.add(b.name);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
