/**
 * Coded segments CSV: one row per coding, for R, pandas and SPSS (docs/formats.md).
 * RFC 4180 with CRLF record ends; the caller encodes the string as UTF-8 without BOM.
 */
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { codePath } from '../codebook/code-path';
import { toCsv } from '../util/csv';

export const CODED_SEGMENTS_HEADER = [
  'coding_id',
  'thread_id',
  'post_id',
  'parent_id',
  'author',
  'created_at',
  'code_id',
  'code',
  'coder',
  'start',
  'end',
  'quote',
  'memo',
] as const;

export interface CodedSegmentsCsvOptions {
  /**
   * Prefix `'` to cells that a spreadsheet would run as a formula (OWASP CSV injection).
   * Off by default: raw mode is lossless for R/pandas.
   */
  spreadsheetSafe?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function codedSegmentsCsv(bundle: Bundle, options: CodedSegmentsCsvOptions = {}): string {
  const threadRank = new Map(bundle.threads.map((t, i) => [t.id, i]));
  const postRank = new Map(bundle.posts.map((p, i) => [p.id, i]));
  const posts = new Map(bundle.posts.map((p) => [p.id, p]));
  const coders = new Map(bundle.coders.map((c) => [c.id, c.name]));
  const codeMap = new Map(bundle.codes.map((c) => [c.id, c]));
  const paths = new Map(bundle.codes.map((c) => [c.id, codePath(codeMap, c.id)]));

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
    .map(({ c, k }) => {
      const post = posts.get(c.postId);
      return [
        c.id,
        post?.threadId ?? '',
        c.postId,
        post?.parentId ?? '',
        post?.author ?? '',
        post?.createdAt ?? '',
        c.codeId,
        k.path,
        coders.get(c.coderId) ?? '',
        String(c.start),
        String(c.end),
        c.quote,
        c.memo,
      ];
    });

  const safe = options.spreadsheetSafe === true;
  const body = safe ? rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))) : rows;
  // Escaped formula cells are quoted as OWASP advises.
  return toCsv([[...CODED_SEGMENTS_HEADER], ...body], safe ? { alsoQuote: /^'[=+\-@\t\r]/ } : {});
}

/** Code-unit order: exact and identical on every machine, which row order in exports needs. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
