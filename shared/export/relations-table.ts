/**
 * The relations table (docs/formats.md, "Relations CSV"): one row per relation, in the bundle's
 * canonical order, with both ends' post ids, platform ids, authors, offsets (code points, end
 * exclusive; empty for a whole-post end) and quotes, the relation code, the coder and the memo.
 */
import type { Bundle } from '../bundle/bundle';
import type { Post, RelationEnd } from '../model/records';
import type { ExportTable } from './export-table';

export const RELATIONS_HEADER = [
  'relation_id',
  'relation_code_id',
  'relation_code',
  'coder_id',
  'coder',
  'thread_id',
  'from_post_id',
  'from_platform_id',
  'from_author',
  'from_start',
  'from_end',
  'from_quote',
  'to_post_id',
  'to_platform_id',
  'to_author',
  'to_start',
  'to_end',
  'to_quote',
  'memo',
  'created',
  'modified',
] as const;

const INTEGER_COLUMNS = new Set(['from_start', 'from_end', 'to_start', 'to_end']);

export function relationsTable(bundle: Pick<Bundle, 'posts' | 'coders' | 'relationCodes' | 'relations'>): ExportTable {
  const relations = bundle.relations ?? [];
  const wanted = new Set(relations.flatMap((r) => [r.from.postId, r.to.postId]));
  const posts = new Map<string, Post>();
  for (const p of bundle.posts) if (wanted.has(p.id)) posts.set(p.id, p);
  const codeName = new Map((bundle.relationCodes ?? []).map((c) => [c.id, c.name]));
  const coderName = new Map(bundle.coders.map((c) => [c.id, c.name]));
  const end = (e: RelationEnd) => {
    const post = posts.get(e.postId);
    return [e.postId, post?.platformId ?? null, post?.author ?? null, e.start ?? null, e.end ?? null, e.quote ?? null];
  };
  return {
    name: 'Relations',
    columns: RELATIONS_HEADER.map((name) => ({ name, type: INTEGER_COLUMNS.has(name) ? 'integer' : 'string' })),
    rows: relations.map((r) => [
      r.id,
      r.relationCodeId,
      codeName.get(r.relationCodeId) ?? '',
      r.coderId,
      coderName.get(r.coderId) ?? '',
      r.threadId,
      ...end(r.from),
      ...end(r.to),
      r.memo,
      r.createdAt,
      r.updatedAt,
    ]),
  };
}
