/**
 * validateBundle over the bundle an import is about to write. Up to `wholeLimit` posts the whole
 * bundle is validated in one call. Above it, zod's parsed copy of every record would double the
 * import's memory, so the threads the import touched (the new ones, and those new replies joined)
 * are validated in batches, each batch a bundle of its own (the project, codes and coders, whole
 * threads with all their posts), and ids are checked for uniqueness across the whole bundle; the
 * rest was validated whole when the --into bundle was loaded, and the import adds no codings (nor
 * exemplars). Every rule that can involve a new record is checked either way.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { validateBundle } from '@shared/bundle/validate';
import type { Problem } from '@shared/problem/problem';
import type { Post, Thread } from '@shared/model/records';

export const DEFAULT_WHOLE_VALIDATION_LIMIT = 100_000;
const BATCH_POSTS = 100_000;
/** Batches stop once this many problems are found: enough to show, and the rest are counted as more. */
const ENOUGH_PROBLEMS = 100;

export interface ValidateImportOptions {
  /** Bundles with up to this many posts are validated whole. */
  wholeLimit?: number;
  /** Posts per batch above it (whole threads, so a batch may hold a few more). */
  batchPosts?: number;
  /** Called after each batch (a garbage collection in a big import: gc.ts). */
  afterBatch?: () => void;
}

export function validateImport(bundle: Bundle, touchedThreadIds: ReadonlySet<string>, options: ValidateImportOptions = {}): Problem[] {
  const { wholeLimit = DEFAULT_WHOLE_VALIDATION_LIMIT, batchPosts = BATCH_POSTS, afterBatch = () => {} } = options;
  if (bundle.posts.length <= wholeLimit) return problemsOf(bundle);
  const problems: Problem[] = [];
  const ids = new Set<string>();
  for (const [array, records] of [['threads', bundle.threads], ['posts', bundle.posts]] as const) {
    records.forEach((record, index) => {
      if (ids.has(record.id)) problems.push({ record: `${array}[${index}]`, field: 'id', message: `id "${record.id}" is used twice` });
      ids.add(record.id);
    });
  }
  ids.clear();

  // The touched threads' posts, and posts of no thread at all (a defect validation names).
  const threadIds = new Set(bundle.threads.map((t) => t.id));
  const postsOf = new Map<string, Post[]>();
  const orphans: Post[] = [];
  for (const post of bundle.posts) {
    if (!threadIds.has(post.threadId)) orphans.push(post);
    else if (touchedThreadIds.has(post.threadId)) {
      let list = postsOf.get(post.threadId);
      if (!list) postsOf.set(post.threadId, (list = []));
      list.push(post);
    }
  }
  threadIds.clear();

  // Batches hold no codings, assignments, rounds or decisions (the import adds none; the --into part was
  // validated whole), so the codes' exemplars, which refer to codings, are left out of the batches
  // too. The journal (with the import's entries) and the named versions go with the last batch.
  const envelope: Bundle = { ...bundle, codes: bundle.codes.map((c) => ({ ...c, exemplarCodingIds: [] })), threads: [], posts: [], codings: [], assignments: [], rounds: [], decisions: [], journal: [], codebookVersions: [] };
  const touched = bundle.threads.filter((t) => touchedThreadIds.has(t.id));
  let threads: Thread[] = [];
  let posts: Post[] = [];
  const check = (last: boolean): void => {
    const rest = last ? { journal: bundle.journal ?? [], codebookVersions: bundle.codebookVersions ?? [] } : {};
    problems.push(...problemsOf({ ...envelope, ...rest, threads, posts }));
    threads = [];
    posts = [];
    afterBatch();
  };
  for (const thread of touched) {
    if (problems.length >= ENOUGH_PROBLEMS) return problems;
    threads.push(thread);
    for (const post of postsOf.get(thread.id) ?? []) posts.push(post);
    postsOf.delete(thread.id);
    if (posts.length >= batchPosts) check(false);
  }
  posts.push(...orphans);
  if (problems.length < ENOUGH_PROBLEMS) check(true);
  return problems;
}

function problemsOf(bundle: Bundle): Problem[] {
  // Only the problems are kept: the validated copy of a big bundle is not held on to.
  const result = validateBundle(bundle);
  return result.ok ? [] : result.error;
}
