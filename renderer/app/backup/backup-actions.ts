/** File → Back up now and Back up to a file…: what they do and what they say. */
import type { Services } from '../services';

export async function backUpNow(services: Pick<Services, 'backups' | 'announce'>): Promise<void> {
  if (!services.backups) return;
  services.announce('Backing up…');
  const done = await services.backups.backUpNow();
  if (done.ok) services.announce(`Backed up and verified: ${done.value.posts.toLocaleString()} posts, ${done.value.codings.toLocaleString()} codings.`);
  else services.announce(`The backup failed: ${done.error}.`, 'error');
}

export async function backUpToFile(services: Pick<Services, 'backups' | 'announce' | 'platform'>): Promise<void> {
  if (!services.backups) return;
  const saved = await services.backups.saveToFile(services.platform);
  if (!saved.ok) services.announce(`The backup file was not saved: ${saved.error}.`, 'error');
  else if (saved.value !== null) services.announce(`Saved the backup as ${saved.value}.`);
}
