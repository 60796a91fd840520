/**
 * validateBundle over the bundle an import is about to write. Up to `wholeLimit` posts the whole
 * bundle is validated in one call. Above it, zod's parsed copy of every record would double the
 * import's memory, so the new threads are validated in batches, each batch a bundle of its own
 * (the project, codes and coders, whole threads with all their posts), and ids are checked for
 * uniqueness across the whole bundle; the --into part was validated whole when it was loaded,
 * and the import adds no codings (nor exemplars). Every rule that can involve a new record is checked either way.
 */
import type { Bundle } from '@shared/bundle/bundle';
import type { Post, Thread } from '@shared/model/records';
import { validateBundle, type BundleProblem } from '@shared/bundle/validate';

export const DEFAULT_WHOLE_VALIDATION_LIMIT = 100_000;
const BATCH_POSTS = 100_000;

export function validateImport(
  bundle: Bundle,
  base: { threads: number; posts: number },
  wholeLimit = DEFAULT_WHOLE_VALIDATION_LIMIT,
  afterBatch: () => void = () => {},
): BundleProblem[] {
  if (bundle.posts.length <= wholeLimit) return problemsOf(bundle);

  const problems: BundleProblem[] = [];
  const ids = new Set<string>();
  for (const [array, records] of [['threads', bundle.threads], ['posts', bundle.posts]] as const) {
    records.forEach((record, index) => {
      if (ids.has(record.id)) problems.push({ record: `${array}[${index}]`, field: 'id', message: `id "${record.id}" is used twice` });
      ids.add(record.id);
    });
  }
  ids.clear();

  // Batches hold no codings (the import adds none; the --into part was validated whole), so the
  // codes' exemplars, which refer to codings, are left out of the batches too.
  const envelope: Bundle = { ...bundle, codes: bundle.codes.map((c) => ({ ...c, exemplarCodingIds: [] })), threads: [], posts: [], codings: [] };
  let t = base.threads;
  let p = base.posts;
  while ((t < bundle.threads.length || p < bundle.posts.length) && problems.length < 100) {
    const firstThread = t;
    const firstPost = p;
    // Whole threads: a thread's posts follow it in order, as assembly emits them.
    while (t < bundle.threads.length && p - firstPost < BATCH_POSTS) {
      const threadId = (bundle.threads[t] as { id: string }).id;
      t++;
      while (p < bundle.posts.length && bundle.posts[p]?.threadId === threadId) p++;
    }
    // The rest go into the last batch: replies joining threads of the --into bundle, which come
    // with those threads and their posts, and posts of no thread (a defect validation names).
    if (t === bundle.threads.length) p = bundle.posts.length;
    const threads = bundle.threads.slice(firstThread, t);
    const posts = bundle.posts.slice(firstPost, p);
    const joined = p === bundle.posts.length ? joinedBaseRecords(bundle, base, threads, posts) : { threads: [], posts: [] };
    problems.push(...problemsOf({ ...envelope, threads: [...joined.threads, ...threads], posts: [...joined.posts, ...posts] }));
    afterBatch();
  }
  return problems;
}

function problemsOf(bundle: Bundle): BundleProblem[] {
  // Only the problems are kept: the validated copy of a big bundle is not held on to.
  const result = validateBundle(bundle);
  return result.ok ? [] : result.error;
}

/** The --into bundle's threads that `posts` join (their thread is not in the batch), with all their posts. */
function joinedBaseRecords(bundle: Bundle, base: { threads: number; posts: number }, threads: readonly Thread[], posts: readonly Post[]): { threads: Thread[]; posts: Post[] } {
  const inBatch = new Set(threads.map((t) => t.id));
  const wanted = new Set(posts.filter((p) => !inBatch.has(p.threadId)).map((p) => p.threadId));
  if (wanted.size === 0) return { threads: [], posts: [] };
  return {
    threads: bundle.threads.slice(0, base.threads).filter((t) => wanted.has(t.id)),
    posts: bundle.posts.slice(0, base.posts).filter((p) => wanted.has(p.threadId)),
  };
}
