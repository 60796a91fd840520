/** The dialog's side of codebook-file.worker.ts (CodebookFileProtocol): one Worker per file, ended once it answers. */
import { createWorkerClient } from '@shared/rpc/rpc';
import { isCancelled } from '@shared/util/cancelled';
import { err } from '@shared/util/result';

import type { OpenedBinaryFile } from '../../platform/platform';
import type { CodebookFileProtocol } from './codebook-file.worker';
import type { ParseCodebookResult } from './parse-codebook-file';

/**
 * Parses the file in a Worker. Aborting ends the Worker at once (a hostile file may keep it busy)
 * and answers with a cancelled problem; a Worker that fails or throws is a problem naming the file.
 */
export async function readCodebookFileInWorker(file: OpenedBinaryFile, signal: AbortSignal): Promise<ParseCodebookResult> {
  const worker = new Worker(new URL('./codebook-file.worker.ts', import.meta.url), { type: 'module', name: 'codebook-file' });
  const rpc = createWorkerClient<CodebookFileProtocol>(worker, { name: 'codebook file' });
  const end = (): void => rpc.dispose();
  signal.addEventListener('abort', end, { once: true });
  try {
    // Copied, not transferred: a remounted dialog (React's StrictMode) reads the same bytes again.
    const result = await rpc.parse({ name: file.name, bytes: file.bytes }, { signal });
    if (result.ok) return result.value;
    if (isCancelled(result.error)) return err([{ ...result.error, file: file.name }]);
    return err([{ file: file.name, message: `the file could not be read: ${result.error.message}` }]);
  } finally {
    signal.removeEventListener('abort', end);
    end();
  }
}
