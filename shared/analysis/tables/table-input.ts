/**
 * What the tables and the matrix are computed from, read once through the port: the codebook, the
 * coders, the threads, every coding, and for the coded posts only what a column needs (author,
 * platform, time): their facts (shared/project/post-facts.ts), never the posts, once more than a
 * few are coded. The computations themselves (code-table.ts, co-occurrence.ts) are pure over it,
 * so the bench and the tests can hand them plain arrays.
 */
import type { Code, Coder, Coding, Thread } from '../../model/records';
import type { PostFacts } from '../../project/post-facts';
import type { ProjectReader } from '../../project/project-store';
import { attributesOf, type ProjectAttributes } from '../attributes/attributes-of';

/** What the author, platform and month columns read of a coded post. */
export interface TablePost {
  author: string;
  platform: string;
  createdAt: string | null;
  /** "YYYY-MM" of createdAt when already known (a post's facts); monthOf(createdAt) otherwise. */
  month?: string | null;
}

/** Up to this many coded posts, each is looked up by id; past it, every post's facts are read once. */
const LOOKUPS_BEFORE_FACTS = 200;

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
  const ids = needs.posts ? codedPostIds(codings) : [];
  // The store's promises awaited right here, not returned through another async function: Dexie's
  // transaction must see each await (a promise handed back unawaited let it commit early).
  // A Post is a TablePost: the lookup's map is used as the reader returns it, not copied.
  const posts: ReadonlyMap<string, TablePost> = !needs.posts ? new Map() : ids.length <= LOOKUPS_BEFORE_FACTS ? await reader.posts(ids) : factsOf(await reader.postFacts(), ids);
  return { codes, coders, threads, codings, posts, ...(needs.attributes ? { attributes: await attributesOf(reader) } : {}) };
}

/** The coded posts' author, platform and time from every post's facts. */
function factsOf(all: readonly PostFacts[], ids: readonly string[]): Map<string, TablePost> {
  const wanted = new Set(ids);
  const found = new Map<string, TablePost>();
  for (const facts of all) if (wanted.has(facts.id)) found.set(facts.id, facts);
  return found;
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

export { monthOf } from '../../project/post-facts';
