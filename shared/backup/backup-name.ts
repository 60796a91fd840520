/**
 * A backup's file name says when it was taken and what it held, so a list of files is enough to
 * offer a restore even when the manifest is gone: `2026-12-07T10-49-53.123Z--120p-45c.threadmark.json.gz`
 * (the time in UTC with `-` for `:`, which Windows file names cannot hold; posts; codings).
 */
export const BACKUP_SUFFIX = '.threadmark.json.gz';

export interface BackupCounts {
  posts: number;
  codings: number;
}

export interface BackupFile extends BackupCounts {
  name: string;
  /** When it was taken (ISO 8601 UTC). */
  at: string;
}

const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}(?:\.\d{3})?Z)--(\d+)p-(\d+)c\.threadmark\.json\.gz$/;

export function backupName(at: string, counts: BackupCounts): string {
  return `${at.replace(/:/g, '-')}--${counts.posts}p-${counts.codings}c${BACKUP_SUFFIX}`;
}

/** The backup a file name stands for, or null for any other file (a temp file, a stray). */
export function parseBackupName(name: string): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const at = `${m[1]}:${m[2]}:${m[3]}`;
  if (Number.isNaN(Date.parse(at))) return null;
  return { name, at, posts: Number(m[4]), codings: Number(m[5]) };
}

/** The backups among `names`, newest first. */
export function backupsIn(names: Iterable<string>): BackupFile[] {
  return [...names].flatMap((n) => parseBackupName(n) ?? []).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** A project's folder of backups is named after its database: letters, digits, `-` and `_` only. */
export const PROJECT_KEY = /^[A-Za-z0-9_-]{1,100}$/;
