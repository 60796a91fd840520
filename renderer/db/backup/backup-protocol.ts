/**
 * The backup Worker's protocol (shared/rpc) and its handlers, apart from the Worker's `self` so
 * Node tests serve them over a MessageChannel: the Worker opens the project's database by name,
 * exports, checks and gzips it (`makeBackup`), and either answers the bytes (transferred, not
 * copied: the window hands them to main on the desktop, or to Back up to a file…) or writes them
 * to OPFS itself. Answers are Results; a handler never throws for a backup that failed.
 */
import type { RpcHandlers, RpcMethod, ServeOptions } from '@shared/rpc/rpc';
import type { Result } from '@shared/util/result';

import type { BackupStore } from '../../platform/backup-store';
import type { ThreadmarkDB } from '../database';
import { makeBackup, writeBackup, type MadeBackup, type WrittenBackup } from './backup-project';

export interface BackupRequest {
  /** The project's database. */
  dbName: string;
  /** When it is exported (the window's clock: the backup's name). */
  at: string;
  app: { name: string; version: string };
}

export interface BackupProtocol {
  /** The verified gzip bytes and the backup's name; the window writes them. */
  make: RpcMethod<BackupRequest, Result<MadeBackup, string>>;
  /** Made and written to OPFS here: read back, verified and rotated. */
  writeToOpfs: RpcMethod<BackupRequest, Result<WrittenBackup, string>>;
}

export interface BackupWorkerDeps {
  open(dbName: string): ThreadmarkDB;
  /** The Worker's own OPFS store. */
  opfs(): BackupStore;
}

async function made(deps: BackupWorkerDeps, { dbName, at, app }: BackupRequest): Promise<Result<MadeBackup, string>> {
  const db = deps.open(dbName);
  try {
    return await makeBackup(db, { clock: { now: () => at }, app });
  } finally {
    db.close();
  }
}

export function backupHandlers(deps: BackupWorkerDeps): RpcHandlers<BackupProtocol> {
  return {
    make: (request) => made(deps, request),
    writeToOpfs: async (request) => writeBackup(await made(deps, request), request.dbName, deps.opfs()),
  };
}

const isRequest = (request: unknown): request is BackupRequest => {
  const r = request as Partial<BackupRequest> | null;
  return typeof r === 'object' && r !== null && typeof r.dbName === 'string' && typeof r.at === 'string' && typeof r.app?.name === 'string' && typeof r.app.version === 'string';
};

export const backupServeOptions: ServeOptions<BackupProtocol> = {
  validate: { make: isRequest, writeToOpfs: isRequest },
  // The bytes move to the window: tens of MB are never copied.
  transfer: { make: (answer) => (answer.ok && answer.value.bytes.buffer instanceof ArrayBuffer ? [answer.value.bytes.buffer] : []) },
};
