/**
 * What the tables and the matrix are computed from, read once through the port: the codebook, the
 * coders, the threads, every coding, and for the coded posts only what a column needs (author,
 * platform, time). The computations themselves (code-table.ts, co-occurrence.ts) are pure over it,
 * so the bench and the tests can hand them plain arrays.
 */
import type { Code, Coder, Coding, Thread } from '../../model/records';
import type { ProjectReader } from '../../project/project-store';
import { attributesOf, type ProjectAttributes } from '../attributes/attributes-of';

/** What the author, platform and month columns read of a coded post. */
export interface TablePost {
  author: string;
  platform: string;
  createdAt: string | null;
}

export interface TableInput {
  codes: readonly Code[];
  coders: readonly Coder[];
  threads: readonly Thread[];
  codings: readonly Coding[];
  /** The coded posts by id (empty when no column needs them). */
  posts: ReadonlyMap<string, TablePost>;
  /** Authors' and threads' attributes (read only for attribute columns). */
  attributes?: ProjectAttributes;
}

/** What a computation needs read besides codes and codings. */
export interface TableNeeds {
  /** The coded posts (author, platform and month columns). */
  posts: boolean;
  /** Coders and threads (their names label columns). */
  labels: boolean;
  /** Authors' and threads' attributes (attribute columns). */
  attributes?: boolean;
}

export async function readTableInput(reader: ProjectReader, needs: TableNeeds): Promise<TableInput> {
  const [codes, codings, coders, threads] = await Promise.all([reader.codes(), reader.allCodings(), needs.labels ? reader.coders() : [], needs.labels ? reader.threads() : []]);
  // A Post is a TablePost: the map is used as the reader returns it, not copied.
  const posts: ReadonlyMap<string, TablePost> = needs.posts ? await reader.posts(codedPostIds(codings)) : new Map();
  return { codes, coders, threads, codings, posts, ...(needs.attributes ? { attributes: await attributesOf(reader) } : {}) };
}

/** The ids of the posts holding these codings, once each (a post's codings mostly come one after another). */
function codedPostIds(codings: readonly Coding[]): string[] {
  const ids = new Set<string>();
  let last: string | undefined;
  for (const { postId } of codings) {
    if (postId !== last) ids.add((last = postId));
  }
  return Array.from(ids);
}

// A stored time is UTC ISO 8601 ("2025-03-08T09:12:00.000Z"): its month is its first 7 characters.
const isUtcIso = (t: string): boolean => t.length >= 20 && t.charCodeAt(t.length - 1) === 90 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45 && t.charCodeAt(10) === 84;

/** "YYYY-MM" (UTC) of a post's time, as the Segments filter buckets months; null when it has none. */
export function monthOf(createdAt: string | null): string | null {
  if (createdAt === null) return null;
  if (isUtcIso(createdAt)) return createdAt.slice(0, 7);
  const at = Date.parse(createdAt);
  return Number.isNaN(at) ? null : new Date(at).toISOString().slice(0, 7);
}
