/**
 * The window's side of backup.worker.ts: a BackupMaker whose every backup runs in a Worker of its
 * own, ended once it answers. On the web the Worker writes to OPFS itself; on the desktop it
 * answers the bytes (transferred) and the window hands them to main's store.
 */
import { createWorkerClient, type RpcClientEndpoint, type RpcResult, type WorkerClient } from '@shared/rpc/rpc';
import { err, type Result } from '@shared/util/result';

import type { BackupDeps, BackupMaker } from './backup-project';
import { writeBackup } from './backup-project';
import type { BackupProtocol, BackupRequest } from './backup-protocol';

export type SpawnBackupWorker = () => RpcClientEndpoint;

const spawnBackupWorker: SpawnBackupWorker = () => new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' });

export function workerBackupMaker(dbName: string, deps: Pick<BackupDeps, 'store' | 'clock' | 'app'>, spawn: SpawnBackupWorker = spawnBackupWorker): BackupMaker {
  const request = (): BackupRequest => ({ dbName, at: deps.clock.now(), app: { name: deps.app.name, version: deps.app.version } });
  async function call<T>(ask: (rpc: WorkerClient<BackupProtocol>) => Promise<RpcResult<Result<T, string>>>): Promise<Result<T, string>> {
    const rpc = createWorkerClient<BackupProtocol>(spawn(), { name: 'backup' });
    try {
      const answer = await ask(rpc);
      return answer.ok ? answer.value : err(answer.error.message);
    } finally {
      rpc.dispose();
    }
  }
  const make = () => call((rpc) => rpc.make(request()));
  return {
    make,
    write: async () => (deps.store.kind === 'opfs' ? call((rpc) => rpc.writeToOpfs(request())) : writeBackup(await make(), dbName, deps.store)),
  };
}
