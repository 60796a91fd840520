/** backup:* — the renderer hands main a gzip of its project; main keeps, verifies and rotates it (main/backups/). */
import { ok } from '@shared/util/result';

import type { BackupFiles } from '../backups/backup-files';
import type { Handle } from './handle';

export type BackupDeps = { backups: BackupFiles };

export function registerBackupHandlers(handle: Handle, deps: BackupDeps): void {
  const io = (message: string) => ({ ok: false, error: { code: 'io', message } }) as const;
  handle('backup:list', async ({ project }) => ok(await deps.backups.list(project)));
  handle('backup:write', async ({ project, name, bytes }) => {
    const written = await deps.backups.write(project, name, bytes);
    return written.ok ? written : io(`The backup was not kept: ${written.error}.`);
  });
  handle('backup:read', async ({ project, name }) => {
    const read = await deps.backups.read(project, name);
    return read.ok ? ok({ bytes: read.value }) : io(read.error);
  });
  handle('backup:manifest-read', async () => ok(await deps.backups.readManifest()));
  handle('backup:manifest-write', async ({ text }) => {
    await deps.backups.writeManifest(text);
    return ok(undefined);
  });
}
