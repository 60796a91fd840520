/** The Search tab's form and the SearchRequest it makes. */
import type { SearchFilters, SearchRequest } from '@shared/analysis/search/search-request';
import type { Platform } from '@shared/model/records';

/** What the Search tab's form holds, as typed. */
export interface Draft {
  query: string;
  regex: boolean;
  caseSensitive: boolean;
  ignoreDiacritics: boolean;
  threadId: string;
  platform: string;
  author: string;
  from: string;
  to: string;
  coded: '' | 'coded' | 'uncoded';
  codeId: string;
  coderId: string;
}

export const EMPTY_DRAFT: Draft = { query: '', regex: false, caseSensitive: false, ignoreDiacritics: true, threadId: '', platform: '', author: '', from: '', to: '', coded: '', codeId: '', coderId: '' };

/** The form as the core's request; an empty field is no filter, a `to` date takes its whole day. */
export function requestOf(d: Draft, limit: number): SearchRequest {
  const filters: SearchFilters = {};
  if (d.threadId) filters.threadIds = [d.threadId];
  if (d.platform) filters.platforms = [d.platform as Platform];
  if (d.author.trim()) filters.authors = [d.author.trim()];
  if (d.from) filters.from = d.from;
  if (d.to) filters.to = `${d.to}T23:59:59.999Z`;
  if (d.coded) filters.coded = { mode: d.coded, ...(d.codeId ? { codeId: d.codeId } : {}), ...(d.coderId ? { coderId: d.coderId } : {}) };
  return { query: d.query, regex: d.regex, caseSensitive: d.caseSensitive, ignoreDiacritics: d.ignoreDiacritics, filters, limit };
}
