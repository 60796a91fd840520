/** The window's side of qdpx-file.worker.ts: one Worker per file, ended once it answers. */
import type { Problem } from '@shared/problem/problem';
import type { QdpxImportOptions } from '@shared/refi/qdpx-import-bundle';
import { createWorkerClient } from '@shared/rpc/rpc';
import { err, type Result } from '@shared/util/result';

import type { PreparedQdpx, QdpxFileProtocol } from './qdpx-file.worker';

/** prepareQdpxImport in a Worker; a Worker that fails or throws is a problem naming the file. */
export async function prepareQdpxInWorker(name: string, bytes: Uint8Array, options: QdpxImportOptions): Promise<Result<PreparedQdpx, Problem[]>> {
  const worker = new Worker(new URL('./qdpx-file.worker.ts', import.meta.url), { type: 'module', name: 'qdpx-file' });
  const rpc = createWorkerClient<QdpxFileProtocol>(worker, { name: 'REFI-QDA project' });
  try {
    const result = await rpc.prepare({ name, bytes, options });
    return result.ok ? result.value : err([{ file: name, message: `the file could not be read: ${result.error.message}` }]);
  } finally {
    rpc.dispose();
  }
}
