/** The dialog's side of the import Worker: one Worker per import, ended with the dialog. */
import type { CsvMappingOverride } from '@shared/import/formats/csv-parser';

import type { ImportEvent, ImportRequest } from './import-protocol';

export class ImportClient {
  private readonly worker: Worker;

  constructor(onEvent: (event: ImportEvent) => void) {
    this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    this.worker.onmessage = (event: MessageEvent<ImportEvent>) => onEvent(event.data);
    this.worker.onerror = (event) => onEvent({ type: 'failed', problems: [{ file: '', message: `the import worker failed: ${event.message}` }] });
  }

  preview(dbName: string, files: File[], formatId: string | null, csvMapping: CsvMappingOverride | null): void {
    this.send({ type: 'preview', dbName, files, formatId, csvMapping });
  }

  commit(): void {
    this.send({ type: 'commit' });
  }

  cancel(): void {
    this.send({ type: 'cancel' });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private send(request: ImportRequest): void {
    this.worker.postMessage(request);
  }
}
