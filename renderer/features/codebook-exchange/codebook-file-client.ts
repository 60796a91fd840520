/** The dialog's side of codebook-file.worker.ts: one Worker per file, ended once it answers. */
import { err } from '@shared/util/result';

import type { OpenedBinaryFile } from '../../platform/platform';
import type { CodebookFileRequest } from './codebook-file.worker';
import type { ParseCodebookResult } from './parse-codebook-file';

/** Parses the file in a Worker; aborting ends the Worker and the promise never settles. */
export function readCodebookFileInWorker(file: OpenedBinaryFile, signal: AbortSignal): Promise<ParseCodebookResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./codebook-file.worker.ts', import.meta.url), { type: 'module', name: 'codebook-file' });
    const end = (): void => worker.terminate();
    signal.addEventListener('abort', end, { once: true });
    worker.onmessage = (event: MessageEvent<ParseCodebookResult>) => {
      end();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      end();
      resolve(err([{ file: file.name, message: `the file could not be read: ${event.message}` }]));
    };
    const request: CodebookFileRequest = { name: file.name, bytes: file.bytes };
    // Copied, not transferred: a remounted dialog (React's StrictMode) reads the same bytes again.
    worker.postMessage(request);
  });
}
