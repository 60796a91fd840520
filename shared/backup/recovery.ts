/**
 * The start-up decision (reliability.md §2.8, "loss detection"): a project whose database is
 * missing, empty or cannot be opened, while the manifest or a backup says it existed, gets the
 * recovery screen; never an empty project in silence. Pure: the caller says what it found.
 */
import type { BackupFile } from './backup-name';
import type { ManifestProject } from './manifest';

export type DatabaseState = { kind: 'ok' } | { kind: 'missing' } | { kind: 'empty' } | { kind: 'broken'; message: string };

export interface RecoveryCase {
  project: ManifestProject;
  state: Exclude<DatabaseState, { kind: 'ok' }>;
  /** Newest first. */
  backups: BackupFile[];
}

/** Whether a project needs the recovery screen rather than opening. */
export function needsRecovery(known: ManifestProject | undefined, state: DatabaseState, backups: readonly BackupFile[]): boolean {
  if (state.kind === 'ok') return false;
  if (state.kind === 'broken') return true;
  // Missing or empty: the manifest lists it (it was created, so it held at least its project record) or a backup exists.
  return known !== undefined || backups.length > 0;
}

const n = (count: number, one: string, many: string): string => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The screen's sentence: what is wrong, and what a restore would bring back. `when` formats a time. */
export function recoveryMessage(c: RecoveryCase, when: (iso: string) => string): string {
  const what = c.state.kind === 'broken' ? `could not be opened (${c.state.message})` : c.state.kind === 'missing' ? 'is missing' : 'is empty';
  const known = c.project.counts;
  const head = `This project's database ${what}`;
  const newest = c.backups[0];
  if (!newest) {
    return `${head}, and no backup of it exists. It last held ${n(known.posts, 'post', 'posts')} and ${n(known.codings, 'coding', 'codings')}. If you have a bundle file of it, open that from the project list.`;
  }
  return `${head}, but a backup from ${when(newest.at)} with ${n(newest.posts, 'post', 'posts')}, ${n(newest.codings, 'coding', 'codings')} exists.`;
}
