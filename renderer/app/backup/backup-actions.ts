/** File → Back up now and Back up to a file…: what they do and what they say. */
import type { Services } from '../services';

const counted = (n: number, noun: string): string => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

/** What a verified backup says it holds ("57 posts, 1 coding"), in the status line and the dialog alike. */
export const backedUpMessage = (held: { posts: number; codings: number }): string =>
  `Backed up and verified: ${counted(held.posts, 'post')}, ${counted(held.codings, 'coding')}.`;

export async function backUpNow(services: Pick<Services, 'backups' | 'announce'>): Promise<void> {
  if (!services.backups) return;
  services.announce('Backing up…');
  const done = await services.backups.backUpNow();
  if (done.ok) services.announce(backedUpMessage(done.value));
  else services.announce(`The backup failed: ${done.error}.`, 'error');
}

export async function backUpToFile(services: Pick<Services, 'backups' | 'announce' | 'platform'>): Promise<void> {
  if (!services.backups) return;
  const saved = await services.backups.saveToFile(services.platform);
  if (!saved.ok) services.announce(`The backup file was not saved: ${saved.error}.`, 'error');
  else if (saved.value !== null) services.announce(`Saved the backup as ${saved.value}.`);
}
