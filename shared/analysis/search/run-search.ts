/**
 * One search over the index: candidates from the index (words, prefixes, a regex's literals),
 * narrowed by the filters, checked against the text where the index cannot be sure (phrases,
 * case, diacritics, regular expressions), listed in reading order (threads by id, posts in
 * thread order) up to the limit, with the count of every matching post.
 */
import type { Problem } from '../../problem/problem';
import { cancelledProblem, type CancelSignal } from '../../util/cancelled';
import { err, ok, type Result } from '../../util/result';
import { FULL_FOLD, indexKey, type FoldOptions } from './fold';
import { kwic, type SearchHit } from './kwic';
import { prepareTerms, regexMatches, termMatches, type Span } from './matches';
import { parseQuery, type ParsedQuery } from './query';
import { requiredLiterals } from './regex-literals';
import { DEFAULT_LIMIT, MAX_LIMIT, type SearchFilters, type SearchRequest } from './search-request';
import { collect, type SearchIndex } from './search-index';

export interface SearchResult {
  hits: SearchHit[];
  /** Every post that matches (not only those listed). */
  postCount: number;
  /** More hits match than are listed. */
  truncated: boolean;
  /** The query as understood: a regular expression scanned every post (no literal to look up). */
  scannedAll: boolean;
}

export interface SearchEnv {
  /** Posts (ids) coded as the request's `coded` filter asks: see coded-posts.ts. */
  codedPostIds?: ReadonlySet<string>;
  signal?: CancelSignal;
  /** Called every few thousand checked posts: the Worker yields here so a Cancel can arrive. */
  pause?: () => Promise<void>;
}

const CHECK_BATCH = 2048;

export async function runSearch(index: SearchIndex, request: SearchRequest, env: SearchEnv = {}): Promise<Result<SearchResult, Problem>> {
  const limit = request.limit ?? DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return err({ record: 'search', field: 'limit', message: `the limit must be a whole number from 1 to ${MAX_LIMIT.toLocaleString('en-US')}, not ${limit}` });
  }
  const parsed = parseQuery(request.query, request);
  if (!parsed.ok) return parsed;
  const options: FoldOptions = { caseSensitive: request.caseSensitive ?? false, ignoreDiacritics: request.ignoreDiacritics ?? true };
  const filters = request.filters ?? {};
  if (filters.coded && !env.codedPostIds) return err({ record: 'search', field: 'coded', message: 'the coded filter needs the coded posts' });
  const filterProblem = checkFilters(filters);
  if (filterProblem) return err(filterProblem);

  const candidates = candidatesOf(index, parsed.value);
  const keep = docFilter(index, filters, env.codedPostIds);
  const query = parsed.value;
  const exact = query.kind === 'terms' && sameAsIndex(options) && query.terms.every((t) => t.words.length === 1);
  const prepared = query.kind === 'terms' ? prepareTerms(query.terms, options) : [];
  const spansOf = (text: string): Span[] | null => {
    if (query.kind === 'regex') {
      const spans = regexMatches(text, query.regex);
      return spans.length > 0 ? spans : null;
    }
    return termMatches(text, prepared, options);
  };

  const hits: SearchHit[] = [];
  let postCount = 0;
  let truncated = false;
  let checked = 0;
  for (const doc of inReadingOrder(index, candidates.docs)) {
    if (!keep(doc)) continue;
    const full = hits.length >= limit;
    if (full && exact) {
      // The index is sure of these: count without reading the text.
      postCount++;
      truncated = true;
      continue;
    }
    if (++checked % CHECK_BATCH === 0) {
      if (env.signal?.cancelled) return err(cancelledProblem('the search'));
      if (env.pause) await env.pause();
      if (env.signal?.cancelled) return err(cancelledProblem('the search'));
    }
    const text = index.texts[doc];
    if (text === undefined) return err({ record: `post ${index.postIds[doc]}`, message: 'the search index has no text for this post: reopen the Search tab to rebuild it' });
    const spans = spansOf(text);
    if (spans === null) continue;
    postCount++;
    if (full) {
      truncated = true;
      continue;
    }
    const postId = index.postIds[doc]!;
    const threadId = index.blocks[index.docBlock[doc]!]!.threadId;
    for (const span of spans) {
      if (hits.length >= limit) {
        truncated = true;
        break;
      }
      hits.push(kwic(postId, threadId, text, span.start, span.end));
    }
  }
  return ok({ hits, postCount, truncated, scannedAll: candidates.all });
}

const sameAsIndex = (options: FoldOptions): boolean => options.caseSensitive === FULL_FOLD.caseSensitive && options.ignoreDiacritics === FULL_FOLD.ignoreDiacritics;

interface Candidates {
  docs: Int32Array;
  /** No literal to look up: every post is a candidate. */
  all: boolean;
}

/** Docs that may match: for terms, the intersection of each term's docs (phrases by their words). */
function candidatesOf(index: SearchIndex, query: ParsedQuery): Candidates {
  const lists: Int32Array[] = [];
  if (query.kind === 'terms') {
    for (const term of query.terms) {
      term.words.forEach((word, i) => {
        const key = indexKey(word);
        lists.push(term.prefix && i === term.words.length - 1 ? index.docsOfTermIds(index.termsWithPrefix(key)) : index.docsOfTerm(key));
      });
    }
  } else {
    for (const literal of requiredLiterals(query.source)) lists.push(index.docsOfTermIds(index.termsContaining(literal)));
    if (lists.length === 0) return { docs: collect(new Uint8Array(index.docCount).fill(1)), all: true };
  }
  return { docs: intersectAll(lists), all: false };
}

function intersectAll(lists: Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? new Int32Array(0);
  for (const list of sorted.slice(1)) {
    if (result.length === 0) break;
    const out = new Int32Array(result.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < result.length; i++) {
      const d = result[i]!;
      // Galloping would help for very uneven lists; a linear merge is already far under budget.
      while (j < list.length && list[j]! < d) j++;
      if (j < list.length && list[j] === d) out[n++] = d;
    }
    result = out.subarray(0, n);
  }
  return result;
}

/** Candidates thread by thread (threads by id), each thread's posts in reading order. */
function* inReadingOrder(index: SearchIndex, docs: Int32Array): Generator<number> {
  for (const block of index.blocksInOrder()) {
    let lo = 0;
    let hi = docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < block.first) lo = mid + 1;
      else hi = mid;
    }
    const end = block.first + block.count;
    for (let i = lo; i < docs.length && docs[i]! < end; i++) yield docs[i]!;
  }
}

function checkFilters(filters: SearchFilters): Problem | null {
  for (const field of ['from', 'to'] as const) {
    const value = filters[field];
    if (value !== undefined && Number.isNaN(Date.parse(value))) return { record: 'search', field, message: `“${value}” is not a date or time (2026-03-12, 2026-03-12T09:30:00Z)` };
  }
  return null;
}

/** The filters as one test per doc number. */
function docFilter(index: SearchIndex, filters: SearchFilters, coded: ReadonlySet<string> | undefined): (doc: number) => boolean {
  const threads = filters.threadIds && filters.threadIds.length > 0 ? new Set(filters.threadIds) : null;
  const platforms = filters.platforms && filters.platforms.length > 0 ? new Set<string>(filters.platforms) : null;
  const authors = filters.authors && filters.authors.length > 0 ? new Set(filters.authors) : null;
  const from = filters.from === undefined ? null : Date.parse(filters.from);
  const to = filters.to === undefined ? null : Date.parse(filters.to);
  const codedMode = filters.coded?.mode;
  return (doc) => {
    const block = index.blocks[index.docBlock[doc]!]!;
    if (block.removed) return false;
    if (threads && !threads.has(block.threadId)) return false;
    if (platforms && !platforms.has(block.platform)) return false;
    if (authors && !authors.has(index.authors[doc]!)) return false;
    if (from !== null || to !== null) {
      const t = index.times[doc]!;
      if (Number.isNaN(t) || (from !== null && t < from) || (to !== null && t > to)) return false;
    }
    if (codedMode && coded) {
      if (coded.has(index.postIds[doc]!) !== (codedMode === 'coded')) return false;
    }
    return true;
  };
}
