/** The Search tab's end of its Worker: one Worker per window, started on first use and again after it failed. */
import type { SearchResult } from '@shared/analysis/search/run-search';
import type { SearchRequest } from '@shared/analysis/search/search-request';
import type { Problem } from '@shared/problem/problem';
import { createWorkerClient, type WorkerClient } from '@shared/rpc/rpc';
import { err, type Result } from '@shared/util/result';

import type { SearchProtocol, SearchTarget } from './search-protocol';
import type { EnsureOutcome, IndexProgress } from './search-session';

export class SearchClient {
  private rpc: WorkerClient<SearchProtocol> | null = null;

  prepare(target: SearchTarget, onProgress: (p: IndexProgress) => void, signal?: AbortSignal): Promise<Result<EnsureOutcome, Problem>> {
    return this.client().prepare(target, { onProgress, signal });
  }

  async search(target: SearchTarget, request: SearchRequest, signal?: AbortSignal): Promise<Result<SearchResult, Problem>> {
    const answer = await this.client().search({ ...target, request }, { signal });
    return answer.ok ? answer.value : err(answer.error);
  }

  dispose(): void {
    this.rpc?.dispose();
    this.rpc = null;
  }

  private client(): WorkerClient<SearchProtocol> {
    if (this.rpc === null || this.rpc.closed) {
      const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
      this.rpc = createWorkerClient<SearchProtocol>(worker, { name: 'search' });
    }
    return this.rpc;
  }
}
