/**
 * The dialog's side of the import Worker (ImportProtocol over shared/rpc): one Worker per import,
 * ended with the dialog. Every answer, progress report and Cancel reaches the dialog as an ImportEvent.
 */
import type { CsvMappingOverride } from '@shared/import/formats/csv-parser';
import { createWorkerClient, type RpcResult, type WorkerClient } from '@shared/rpc/rpc';
import { isCancelled } from '@shared/util/cancelled';

import type { ImportEvent, ImportProtocol } from './import-protocol';

export class ImportClient {
  private readonly rpc: WorkerClient<ImportProtocol>;
  /** The running step's Cancel. */
  private running: AbortController | null = null;
  private disposed = false;

  constructor(private readonly onEvent: (event: ImportEvent) => void) {
    this.rpc = createWorkerClient<ImportProtocol>(new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' }), { name: 'import' });
  }

  preview(dbName: string, files: File[], formatId: string | null, csvMapping: CsvMappingOverride | null): void {
    void this.step((signal) => this.rpc.preview({ dbName, files, formatId, csvMapping }, { signal, onProgress: this.onEvent }));
  }

  commit(): void {
    void this.step((signal) => this.rpc.commit(null, { signal, onProgress: this.onEvent }));
  }

  /** Asks the running step to stop; the dialog hears `cancelled`, or the outcome if it finished first. */
  cancel(): void {
    this.running?.abort();
  }

  dispose(): void {
    this.disposed = true;
    this.rpc.dispose();
  }

  private async step(call: (signal: AbortSignal) => Promise<RpcResult<ImportEvent>>): Promise<void> {
    const abort = new AbortController();
    this.running = abort;
    const result = await call(abort.signal);
    if (this.running === abort) this.running = null;
    if (this.disposed) return;
    if (result.ok) this.onEvent(result.value);
    else if (isCancelled(result.error)) this.onEvent({ type: 'cancelled' });
    else this.onEvent({ type: 'failed', problems: [{ ...result.error, message: `the import stopped: ${result.error.message}` }] });
  }
}
