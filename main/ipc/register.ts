import type { IpcMain } from 'electron';

import { registerAppHandlers, type AppDeps } from './app';
import { registerBackupHandlers, type BackupDeps } from './backups';
import { registerCredentialHandlers, type CredentialDeps } from './credentials';
import { registerFileHandlers, type FileDeps } from './files';
import { createHandle } from './handle';

export type IpcDeps = AppDeps & FileDeps & BackupDeps & CredentialDeps & { ipcMain: Pick<IpcMain, 'handle'>; trustedOrigin: string };

/** Registers one handler for every channel of the contract (a unit test holds it to that). */
export function registerIpcHandlers(deps: IpcDeps): void {
  const handle = createHandle(deps.ipcMain, deps.trustedOrigin);
  registerAppHandlers(handle, deps);
  registerFileHandlers(handle, deps);
  registerBackupHandlers(handle, deps);
  registerCredentialHandlers(handle, deps);
}
