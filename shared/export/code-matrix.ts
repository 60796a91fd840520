/**
 * Case-by-code matrices (docs/formats.md): post × code and thread × code, one column per code in
 * codebook tree order headed by its path. Every post (or thread) of the bundle is a row, coded or
 * not, in the bundle's order, so a 0 means "not coded" rather than "not in the file". Codings of
 * every coder in the bundle count; narrow the bundle first (coderCodings) for one coder's layer.
 */
import type { Bundle } from '../bundle/bundle';
import { codePath, sortCodesAsTree } from '../codebook/code-path';
import type { Cell, ExportColumn, ExportTable } from './export-table';
import { uniqueNames } from './export-table';

export const POST_MATRIX_FIXED = ['post_id', 'thread_id', 'parent_id', 'platform', 'platform_id', 'author', 'created_at'] as const;
export const THREAD_MATRIX_FIXED = ['thread_id', 'thread_title', 'platform', 'posts', 'coded_posts'] as const;

export interface PostMatrixOptions {
  /** 1 when the post has at least one coding with the code, else 0; counts otherwise. */
  binary?: boolean;
}

export function postCodeMatrix(bundle: Bundle, options: PostMatrixOptions = {}): ExportTable {
  const codes = matrixCodes(bundle, POST_MATRIX_FIXED);
  const counts = countBy(bundle, codes.index, (postId) => postId);
  const rows = bundle.posts.map((p): Cell[] => {
    const row: Cell[] = [p.id, p.threadId, p.parentId, p.platform, p.platformId, p.author, p.createdAt];
    const own = counts.get(p.id);
    for (let i = 0; i < codes.columns.length; i++) {
      const n = own?.[i] ?? 0;
      row.push(options.binary === true ? (n > 0 ? 1 : 0) : n);
    }
    return row;
  });
  return {
    name: options.binary === true ? 'post x code (0-1)' : 'post x code',
    columns: [...fixedColumns(POST_MATRIX_FIXED), ...codes.columns],
    rows,
  };
}

export function threadCodeMatrix(bundle: Bundle): ExportTable {
  const codes = matrixCodes(bundle, THREAD_MATRIX_FIXED);
  const threadOf = new Map(bundle.posts.map((p) => [p.id, p.threadId]));
  const counts = countBy(bundle, codes.index, (postId) => threadOf.get(postId));
  const posts = new Map<string, number>();
  for (const p of bundle.posts) posts.set(p.threadId, (posts.get(p.threadId) ?? 0) + 1);
  const codedPosts = new Map<string, Set<string>>();
  for (const c of bundle.codings) {
    const thread = threadOf.get(c.postId);
    if (thread === undefined || !codes.index.has(c.codeId)) continue;
    const set = codedPosts.get(thread) ?? new Set<string>();
    set.add(c.postId);
    codedPosts.set(thread, set);
  }
  const rows = bundle.threads.map((t): Cell[] => {
    const own = counts.get(t.id);
    return [t.id, t.title, t.platform, posts.get(t.id) ?? 0, codedPosts.get(t.id)?.size ?? 0, ...codes.columns.map((_, i) => own?.[i] ?? 0)];
  });
  return { name: 'thread x code', columns: [...fixedColumns(THREAD_MATRIX_FIXED), ...codes.columns], rows };
}

/** The code columns: tree order, headed by path, each code's position in a count row. */
function matrixCodes(bundle: Bundle, fixed: readonly string[]): { columns: ExportColumn[]; index: Map<string, number> } {
  const byId = new Map(bundle.codes.map((c) => [c.id, c]));
  const ordered = sortCodesAsTree(bundle.codes).map(({ code }) => code);
  const names = uniqueNames(fixed, ordered.map((c) => ({ name: codePath(byId, c.id), id: c.id })));
  return {
    columns: names.map((name) => ({ name, type: 'integer' })),
    index: new Map(ordered.map((c, i) => [c.id, i])),
  };
}

/** Codings per row key and code position; only rows with a coding get an array (the matrix is sparse). */
function countBy(bundle: Bundle, index: ReadonlyMap<string, number>, rowOf: (postId: string) => string | undefined): Map<string, Int32Array> {
  const counts = new Map<string, Int32Array>();
  for (const c of bundle.codings) {
    const row = rowOf(c.postId);
    const i = index.get(c.codeId);
    if (row === undefined || i === undefined) continue;
    let own = counts.get(row);
    if (!own) counts.set(row, (own = new Int32Array(index.size)));
    own[i]! += 1;
  }
  return counts;
}

function fixedColumns(names: readonly string[]): ExportColumn[] {
  return names.map((name) => ({ name, type: name === 'posts' || name === 'coded_posts' ? 'integer' : 'string' }));
}
