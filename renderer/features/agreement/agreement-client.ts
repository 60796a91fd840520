import type { ReportRow } from '@shared/agreement/report/report-rows';
import { formatProblem } from '@shared/problem/problem';
import { createWorkerClient, type WorkerClient } from '@shared/rpc/rpc';
import { isCancelled } from '@shared/util/cancelled';
import { err, type Result } from '@shared/util/result';

import type { AgreementProtocol, AgreementRequest } from './run-agreement-report';

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Runs agreement reports in one worker (AgreementProtocol); a newer request makes older pending ones irrelevant. */
export class AgreementClient {
  private rpc: WorkerClient<AgreementProtocol> | null = null;

  async run(request: AgreementRequest): Promise<Result<ReportRow[], string>> {
    const result = await this.client().run(request);
    if (result.ok) return result.value;
    return err(isCancelled(result.error) ? 'The agreement view was closed.' : sentence(formatProblem(result.error)));
  }

  /** Ends the worker; pending runs answer that the view was closed. */
  dispose(): void {
    this.rpc?.dispose();
    this.rpc = null;
  }

  /** The worker, started on first use and again after it failed. */
  private client(): WorkerClient<AgreementProtocol> {
    if (this.rpc === null || this.rpc.closed) {
      const worker = new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module', name: 'agreement' });
      this.rpc = createWorkerClient<AgreementProtocol>(worker, { name: 'agreement' });
    }
    return this.rpc;
  }
}
