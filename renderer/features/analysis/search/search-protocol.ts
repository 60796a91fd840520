/** What the Search tab asks its Worker (shared/rpc): keep the index current, and search. */
import type { SearchResult } from '@shared/analysis/search/run-search';
import type { SearchRequest } from '@shared/analysis/search/search-request';
import type { Problem } from '@shared/problem/problem';
import type { RpcMethod } from '@shared/rpc/rpc';
import type { Result } from '@shared/util/result';

import type { EnsureOutcome, IndexProgress } from './search-session';

export interface SearchTarget {
  /** The project's IndexedDB database, opened by the Worker itself. */
  dbName: string;
  projectId: string;
}

export interface SearchProtocol {
  prepare: RpcMethod<SearchTarget, EnsureOutcome, IndexProgress>;
  /** A refused search (a bad query) is a Problem in the answer, not a failed call. */
  search: RpcMethod<SearchTarget & { request: SearchRequest }, Result<SearchResult, Problem>>;
}
