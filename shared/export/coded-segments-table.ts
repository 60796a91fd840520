/**
 * The coded segments as a typed table, one row per coding: what the segments CSV, the XLSX
 * "segments" sheet and the segments Parquet file hold (docs/formats.md). Columns after `memo` were
 * appended later and are only ever appended to, so scripts reading the first columns by position
 * keep working.
 */
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { codePath } from '../codebook/code-path';
import type { Cell, ExportColumn, ExportTable } from './export-table';

export const CODED_SEGMENTS_COLUMNS = [
  { name: 'coding_id', type: 'string' },
  { name: 'thread_id', type: 'string' },
  { name: 'post_id', type: 'string' },
  { name: 'parent_id', type: 'string' },
  { name: 'author', type: 'string' },
  { name: 'created_at', type: 'string' },
  { name: 'code_id', type: 'string' },
  { name: 'code', type: 'string' },
  { name: 'coder', type: 'string' },
  { name: 'start', type: 'integer' },
  { name: 'end', type: 'integer' },
  { name: 'quote', type: 'string' },
  { name: 'memo', type: 'string' },
  // Appended for analysis (issue 11): the thread and the post's place on its platform, when the
  // coding was made and changed, under which named codebook, and whether it is an exemplar.
  { name: 'thread_title', type: 'string' },
  { name: 'platform', type: 'string' },
  { name: 'platform_id', type: 'string' },
  { name: 'url', type: 'string' },
  { name: 'coding_created_at', type: 'string' },
  { name: 'coding_updated_at', type: 'string' },
  { name: 'codebook_version', type: 'string' },
  { name: 'codebook_version_id', type: 'string' },
  { name: 'exemplar', type: 'boolean' },
] as const satisfies readonly ExportColumn[];

export const CODED_SEGMENTS_HEADER = CODED_SEGMENTS_COLUMNS.map((c) => c.name);

/** Absent values (a root post's parent, an unknown time, no named version) are null. */
export function codedSegmentsTable(bundle: Bundle): ExportTable {
  const threadRank = new Map(bundle.threads.map((t, i) => [t.id, i]));
  const threads = new Map(bundle.threads.map((t) => [t.id, t]));
  const postRank = new Map(bundle.posts.map((p, i) => [p.id, i]));
  const posts = new Map(bundle.posts.map((p) => [p.id, p]));
  const coders = new Map(bundle.coders.map((c) => [c.id, c.name]));
  const codeMap = new Map(bundle.codes.map((c) => [c.id, c]));
  const paths = new Map(bundle.codes.map((c) => [c.id, codePath(codeMap, c.id)]));
  const versions = new Map((bundle.codebookVersions ?? []).map((v) => [v.id, v.name]));
  // An exemplar is a coding its own code lists (Code.exemplarCodingIds).
  const exemplars = new Set(bundle.codes.flatMap((c) => c.exemplarCodingIds.map((id) => `${c.id}\u0000${id}`)));

  // A coding whose post or thread is unknown (only in an invalid bundle) sorts last, not lost.
  const key = (c: BundleCoding) => {
    const post = posts.get(c.postId);
    return {
      thread: (post && threadRank.get(post.threadId)) ?? Infinity,
      post: postRank.get(c.postId) ?? Infinity,
      path: paths.get(c.codeId) ?? '',
    };
  };
  const rows = bundle.codings
    .map((c) => ({ c, k: key(c) }))
    .sort(
      (a, b) =>
        a.k.thread - b.k.thread ||
        a.k.post - b.k.post ||
        a.c.start - b.c.start ||
        a.c.end - b.c.end ||
        compareText(a.k.path, b.k.path) ||
        compareText(a.c.id, b.c.id),
    )
    .map(({ c, k }): Cell[] => {
      const post = posts.get(c.postId);
      const thread = post ? threads.get(post.threadId) : undefined;
      return [
        c.id,
        post?.threadId ?? null,
        c.postId,
        post?.parentId ?? null,
        post?.author ?? null,
        post?.createdAt ?? null,
        c.codeId,
        k.path,
        coders.get(c.coderId) ?? null,
        c.start,
        c.end,
        c.quote,
        c.memo,
        thread?.title ?? null,
        post?.platform ?? thread?.platform ?? null,
        post?.platformId ?? null,
        post?.url ?? null,
        c.createdAt,
        c.updatedAt,
        c.codebookVersionId === undefined ? null : (versions.get(c.codebookVersionId) ?? null),
        c.codebookVersionId ?? null,
        exemplars.has(`${c.codeId}\u0000${c.id}`),
      ];
    });
  return { name: 'segments', columns: [...CODED_SEGMENTS_COLUMNS], rows };
}

/** Code-unit order: exact and identical on every machine, which row order in exports needs. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
