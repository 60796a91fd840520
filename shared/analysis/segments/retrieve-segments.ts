/**
 * Retrieve coded segments: the codings of a code (and its sub-codes), narrowed by a second code
 * and by filters, in reading order, with quote and context. Written once, run by the Segments tab
 * (over Dexie) and `threadmark segments` (over a bundle).
 *
 * Two steps, so a long result is cheap to show: `selectSegments` does the reads and the query and
 * keeps the matching codings (ordered lazily) with what their rows need; `segmentRows` maps any
 * slice of it to rows, synchronously (a virtualized list maps only what is on screen).
 * Reads are indexed: the codings of the codes asked for, then the posts of the codings that passed
 * the coding-level filters and the code query, never every coding or post.
 */
import { codePath } from '../../codebook/code-path';
import { narrowByAttributes } from '../attributes/attribute-filter';
import { attributesOf } from '../attributes/attributes-of';
import { subtreeIds } from '../../codebook/code-tree';
import type { Code, Coding, Post, Thread } from '../../model/records';
import type { Problem } from '../../problem/problem';
import type { ProjectReader } from '../../project/project-store';
import { compareStrings } from '../../project/record-order';
import { err, ok, type Result } from '../../util/result';
import { combineCodes } from './combine-codes';
import { segmentFilters } from './segment-filters';
import { groupByPost, inReadingOrder } from './segment-order';
import type { SegmentCombination, SegmentQuery } from './segment-query';
import { contextOf, type SegmentRow } from './segment-row';

/** A retrieval, ready to be shown a slice at a time. */
export interface SegmentSelection {
  query: SegmentQuery;
  /** "Whataboutism (with sub-codes) overlapping Derailing": a result's title. */
  description: string;
  /** How many segments match. */
  total: number;
  /** The matching coding at `index` of the row order (ordered lazily: the first page costs least). */
  codingAt(index: number): Coding;
  /** Per coding id, the second code's codes that made it match (and/overlap/near). */
  matchedCodeIds: ReadonlyMap<string, readonly string[]>;
  posts: ReadonlyMap<string, Post>;
  threads: ReadonlyMap<string, Thread>;
  codePaths: ReadonlyMap<string, string>;
  coderNames: ReadonlyMap<string, string>;
}

export interface SegmentResult {
  description: string;
  /** Every matching segment, however many rows were asked for. */
  total: number;
  rows: SegmentRow[];
}

export const DEFAULT_SEGMENT_LIMIT = 200;

/** The first `limit` rows (from `offset`) of a retrieval, and how many match in all. */
export async function retrieveSegments(reader: ProjectReader, query: SegmentQuery, options: { limit?: number; offset?: number } = {}): Promise<Result<SegmentResult, Problem>> {
  const selected = await selectSegments(reader, query);
  if (!selected.ok) return selected;
  const selection = selected.value;
  return ok({
    description: selection.description,
    total: selection.total,
    rows: segmentRows(selection, options.offset ?? 0, options.limit ?? DEFAULT_SEGMENT_LIMIT),
  });
}

export async function selectSegments(reader: ProjectReader, query: SegmentQuery): Promise<Result<SegmentSelection, Problem>> {
  const [codes, threads, coders] = await Promise.all([reader.codes(), reader.threads(), reader.coders()]);
  const checked = checkQuery(codes, query);
  if (!checked.ok) return checked;
  // Attribute conditions choose authors / threads; the rest of the retrieval filters by those.
  const narrowed = query.attributes && query.attributes.length > 0 ? narrowByAttributes(query, await attributesOf(reader), query.attributes) : ok(query);
  if (!narrowed.ok) return narrowed;
  const filters = segmentFilters(narrowed.value);
  if (!filters.ok) return filters;
  const { coding: codingFilter, post: postFilter } = filters.value;

  const aIds = codeScope(codes, query.codeId, query.includeSubcodes);
  const combine = query.combine;
  const [aCodings, bCodings] = await Promise.all([
    reader.codingsOfCodes(aIds),
    combine ? reader.codingsOfCodes(codeScope(codes, combine.codeId, combine.includeSubcodes)) : Promise.resolve([]),
  ]);
  // B is narrowed by the coder filter too: a coder left out counts for neither code, as in the
  // co-occurrence matrix. Every other filter is a property of the post, which A and B share.
  const combined = combineCodes(codingFilter ? aCodings.filter(codingFilter) : aCodings, codingFilter ? bCodings.filter(codingFilter) : bCodings, combine);

  const grouped = groupByPost(combined.codings);
  const posts = await reader.posts([...grouped.byPost.keys()]);

  const codeMap = new Map(codes.map((c) => [c.id, c]));
  const codePaths = new Map(codes.map((c) => [c.id, codePath(codeMap, c.id)]));
  const threadMap = new Map(threads.map((t) => [t.id, t]));
  const ordered = inReadingOrder(grouped, threads, posts, codePaths, postFilter);
  return ok({
    query,
    description: describeSegmentQuery(query, codePaths),
    total: ordered.total,
    codingAt: ordered.at,
    matchedCodeIds: combined.matchedCodeIds,
    posts,
    threads: threadMap,
    codePaths,
    coderNames: new Map(coders.map((c) => [c.id, c.name])),
  });
}

/** Rows `offset` … `offset + limit - 1` of a selection (fewer at its end). */
export function segmentRows(selection: SegmentSelection, offset: number, limit: number): SegmentRow[] {
  const from = Math.max(0, Math.trunc(offset));
  const to = Math.min(selection.total, from + Math.max(0, Math.trunc(limit)));
  const rows: SegmentRow[] = [];
  for (let i = from; i < to; i++) rows.push(segmentRow(selection, i));
  return rows;
}

export function segmentRow(selection: SegmentSelection, index: number): SegmentRow {
  const coding = selection.codingAt(index);
  const matchedCodeIds = selection.matchedCodeIds.get(coding.id) ?? [];
  const post = selection.posts.get(coding.postId);
  const path = (id: string) => selection.codePaths.get(id) ?? id;
  return {
    codingId: coding.id,
    postId: coding.postId,
    threadId: coding.threadId,
    threadTitle: selection.threads.get(coding.threadId)?.title ?? '',
    author: post?.author ?? '',
    platform: post?.platform ?? selection.threads.get(coding.threadId)?.platform ?? '',
    postCreatedAt: post?.createdAt ?? null,
    url: post?.url ?? null,
    codeId: coding.codeId,
    codePath: path(coding.codeId),
    matchedCodePaths: matchedCodeIds.map(path).sort(compareStrings),
    coderId: coding.coderId,
    coderName: selection.coderNames.get(coding.coderId) ?? coding.coderId,
    memo: coding.memo,
    quote: coding.quote,
    start: coding.start,
    end: coding.end,
    ...(post ? contextOf(post.text, coding.start, coding.end) : { before: '', after: '', clippedBefore: false, clippedAfter: false }),
  };
}

/** The code and, when asked, every code below it. */
export function codeScope(codes: readonly Code[], codeId: string, includeSubcodes: boolean): string[] {
  return includeSubcodes ? subtreeIds(codes, codeId) : [codeId];
}

/** "Whataboutism (with sub-codes) within 20 characters of Derailing". */
export function describeSegmentQuery(query: SegmentQuery, codePaths: ReadonlyMap<string, string>): string {
  const name = (id: string, sub: boolean) => `${codePaths.get(id) ?? id}${sub ? ' (with sub-codes)' : ''}`;
  const a = name(query.codeId, query.includeSubcodes);
  const c = query.combine;
  if (!c) return a;
  const b = name(c.codeId, c.includeSubcodes);
  return `${a} ${COMBINATION_WORDS[c.kind](c)} ${b}`;
}

const COMBINATION_WORDS: Record<SegmentCombination['kind'], (c: SegmentCombination) => string> = {
  'and-same-post': () => 'in the same post as',
  overlap: () => 'overlapping',
  near: (c) => `within ${c.kind === 'near' ? c.within : 0} characters of`,
  not: () => 'in posts without',
};

function checkQuery(codes: readonly Code[], query: SegmentQuery): Result<void, Problem> {
  const ids = new Set(codes.map((c) => c.id));
  if (!ids.has(query.codeId)) return err({ record: 'segment query', field: 'codeId', message: `code "${query.codeId}" does not exist` });
  const c = query.combine;
  if (!c) return ok(undefined);
  if (!Object.hasOwn(COMBINATION_WORDS, c.kind)) return err({ record: 'segment query', field: 'combine.kind', message: `"${String(c.kind)}" is not a code query (and-same-post, overlap, near, not)` });
  if (!ids.has(c.codeId)) return err({ record: 'segment query', field: 'combine.codeId', message: `code "${c.codeId}" does not exist` });
  if (c.kind === 'near' && !(Number.isInteger(c.within) && c.within >= 0)) {
    return err({ record: 'segment query', field: 'combine.within', message: `"within" must be a whole number of characters, 0 or more (got ${String(c.within)})` });
  }
  return ok(undefined);
}
