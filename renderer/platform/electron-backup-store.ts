import type { RendererBridge } from '@shared/ipc/contract';

import type { BackupStore } from './backup-store';

/** The desktop's backups: main keeps them in the user data folder (main/backups/backup-files.ts). */
export function electronBackupStore(bridge: RendererBridge): BackupStore {
  return {
    where: 'the backups folder in Threadmark’s user data folder',
    async list(project) {
      const listed = await bridge.invoke('backup:list', { project });
      return listed.ok ? listed.value : [];
    },
    async write(project, name, gzipped) {
      const written = await bridge.invoke('backup:write', { project, name, bytes: gzipped as Uint8Array<ArrayBuffer> });
      return written.ok ? written : { ok: false, error: written.error.message };
    },
    async read(project, name) {
      const read = await bridge.invoke('backup:read', { project, name });
      return read.ok ? { ok: true, value: read.value.bytes } : { ok: false, error: read.error.message };
    },
    async readManifest() {
      const read = await bridge.invoke('backup:manifest-read', undefined);
      return read.ok ? read.value : null;
    },
    async writeManifest(text) {
      await bridge.invoke('backup:manifest-write', { text });
    },
  };
}
