/** What a search asks (the app's Search tab and `threadmark search` build the same request). */
import type { Platform } from '../../model/records';

export interface SearchFilters {
  threadIds?: readonly string[];
  platforms?: readonly Platform[];
  authors?: readonly string[];
  /** ISO 8601 times, inclusive; a post without a time is left out when either is set. */
  from?: string;
  to?: string;
  /** Posts coded (or not) with `codeId`, by `coderId`; either may be left out (any code, any coder). */
  coded?: CodedFilter;
}

export interface CodedFilter {
  mode: 'coded' | 'uncoded';
  codeId?: string;
  coderId?: string;
}

export interface SearchRequest {
  query: string;
  regex?: boolean;
  caseSensitive?: boolean;
  /** Default true: `cafe` finds café. Regular expressions always see the text as stored. */
  ignoreDiacritics?: boolean;
  filters?: SearchFilters;
  /** At most this many hits are listed (default DEFAULT_LIMIT); the post count is always complete. */
  limit?: number;
}

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 100_000;
