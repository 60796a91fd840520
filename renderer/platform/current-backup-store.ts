import { BRIDGE_GLOBAL, type RendererBridge } from '@shared/ipc/contract';

import type { BackupStore } from './backup-store';
import { electronBackupStore } from './electron-backup-store';
import { opfsBackupStore } from './opfs-backup-store';

/** The desktop's backups through main when the preload bridge is present, otherwise OPFS. */
export function currentBackupStore(): BackupStore {
  const bridge = (window as unknown as Record<string, RendererBridge | undefined>)[BRIDGE_GLOBAL];
  return bridge ? electronBackupStore(bridge) : opfsBackupStore();
}
