import type { ReportRow } from '@shared/agreement/report/report-rows';
import type { Result } from '@shared/util/result';

import type { AgreementRequest } from './run-agreement-report';

type Reply = { id: number; result: Result<ReportRow[], string> };

/** Runs agreement reports in one worker; a newer request makes older pending ones irrelevant. */
export class AgreementClient {
  private worker: Worker | null = null;
  private serial = 0;
  private readonly pending = new Map<number, (result: Result<ReportRow[], string>) => void>();

  run(request: AgreementRequest): Promise<Result<ReportRow[], string>> {
    const worker = this.ensureWorker();
    const id = ++this.serial;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.pending.values()) resolve({ ok: false, error: 'The agreement view was closed.' });
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module', name: 'agreement' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data.result);
    };
    worker.onerror = (event) => {
      for (const resolve of this.pending.values()) resolve({ ok: false, error: `The agreement worker failed: ${event.message}` });
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
