/// <reference lib="webworker" />
/**
 * The backup Worker (decisions/0012): a big project's backup (export, gzip, the checks, the OPFS
 * write) takes seconds, and every 10 minutes of changes it must never freeze the window. One Worker
 * per backup, ended once it answers. Answers BackupProtocol through shared/rpc.
 */
import { serveWorker } from '@shared/rpc/rpc';

import { opfsBackupStore } from '../../platform/opfs-backup-store';
import { openThreadmarkDB } from '../database';
import { backupHandlers, backupServeOptions, type BackupProtocol } from './backup-protocol';

serveWorker<BackupProtocol>(self, backupHandlers({ open: openThreadmarkDB, opfs: () => opfsBackupStore() }), backupServeOptions);
