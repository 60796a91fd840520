/**
 * The backup Worker in a test: its real handlers (backup-protocol.ts) served over a MessageChannel,
 * as backup.worker.ts serves them in the app. Counts the Workers spawned.
 */
import { serveWorker, type RpcClientEndpoint } from '@shared/rpc/rpc';

import type { BackupStore } from '../../platform/backup-store';
import { openThreadmarkDB } from '../database';
import { backupHandlers, backupServeOptions, type BackupProtocol } from './backup-protocol';
import type { SpawnBackupWorker } from './backup-worker-client';

export function channelBackupWorker(opfs: () => BackupStore = () => {
  throw new Error('no OPFS in this test');
}): { spawn: SpawnBackupWorker; spawned: () => number } {
  let spawned = 0;
  const spawn = (): RpcClientEndpoint => {
    spawned += 1;
    const { port1, port2 } = new MessageChannel();
    const stop = serveWorker<BackupProtocol>(port2, backupHandlers({ open: openThreadmarkDB, opfs }), backupServeOptions);
    port2.start();
    port1.start();
    // The client ends "the Worker" by closing its port: the server's end stops with it.
    const closePort = port1.close.bind(port1);
    const close = (): void => {
      stop();
      closePort();
      port2.close();
    };
    return Object.assign(port1 as unknown as RpcClientEndpoint, { close });
  };
  return { spawn, spawned: () => spawned };
}
