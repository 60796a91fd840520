/**
 * Where a runtime keeps backups outside IndexedDB (reliability.md §2.8): the desktop in the user
 * data folder, written by main (electron-backup-store.ts); the web in the Origin Private File
 * System (opfs-backup-store.ts). Each store writes atomically, reads the backup back and verifies it
 * before it counts (OPFS: the bytes read back are the bytes written, which the maker checked
 * unzip to the bundle; main: unzipped they parse as a bundle with the stated counts), then applies
 * the rotation. A project's backups are kept under its database name.
 */
import type { BackupFile } from '@shared/backup/backup-name';

import type { PlatformResult } from './platform';

export interface BackupStore {
  /** Where the backups are, in words for the UI. */
  where: string;
  /** 'opfs': the backup Worker writes them itself (OPFS is there too); otherwise the window writes the bytes the Worker made. */
  kind?: 'opfs';
  /** Newest first. */
  list(project: string): Promise<BackupFile[]>;
  write(project: string, name: string, gzipped: Uint8Array): Promise<PlatformResult<BackupFile>>;
  read(project: string, name: string): Promise<PlatformResult<Uint8Array>>;
  readManifest(): Promise<string | null>;
  writeManifest(text: string): Promise<void>;
}
