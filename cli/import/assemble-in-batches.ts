/**
 * A big import assembled and committed batch by batch, without holding every post three times.
 * assembleThreads keeps the parsed posts, its tree nodes and the new posts all alive until it
 * returns, which for a million posts is more memory than the CLI may use. Threads are independent,
 * so this feeds it whole threads in batches, in the order they first appear, commits each batch to
 * the project (the importThreads operation, journaled: cli/commands/import.ts) and lets the batch's
 * parsed posts go. Duplicates are removed first, exactly as assembleThreads would count them (the
 * first copy in input order wins; a post already in the project is skipped), which also gives the
 * per-file duplicate counts for the summary. The project ends up as after one assembleThreads call
 * and one commit, except that warnings come batch by batch and each batch is an entry of its own.
 */
import { assembleThreads, type AssembleDeps, type ExistingPosts } from '@shared/import/assemble-threads';
import type { ImportWarning, ParsedFile, RawPost } from '@shared/import/raw-post';
import { compact } from '@shared/import/stream/compact';
import type { Post, Thread } from '@shared/model/records';
import type { Problem } from '@shared/problem/problem';
import { err, ok, type Result } from '@shared/util/result';

export const DEFAULT_ASSEMBLY_BATCH = 50_000;

/** Where the batches go: the project (cli/commands/import.ts) or, in tests, plain arrays. */
export interface BatchTarget {
  /** Which posts the project held before the import: read once, before the first batch. */
  stored: ExistingPosts;
  /** Which of these files' posts are stored and where the stored posts their replies answer are, read before each batch. */
  existingFor(files: readonly ParsedFile[]): Promise<ExistingPosts>;
  /** Commits one batch: all of it or, with a problem, nothing (the import then stops). */
  commit(batch: { threads: Thread[]; posts: Post[] }, part: { index: number; count: number }): Promise<Problem | undefined>;
}

export interface BatchedImport {
  /** The new threads, every batch's. */
  threads: Thread[];
  /** Posts added, placeholders included. */
  postCount: number;
  duplicatesSkipped: number;
  /** Threads already in the project that new replies join. */
  joinedThreadIds: string[];
  /** Per input file, in order. */
  duplicatesPerFile: number[];
  /** Per input file: posts that were not duplicates. */
  postsPerFile: number[];
  warnings: ImportWarning[];
  /** How many batches were committed. */
  batches: number;
}

type ThreadGroup = Array<RawPost[] | undefined>;

/** Takes ownership of `files`: their post lists are emptied as they are used. */
export async function assembleInBatches(
  files: Array<{ fileName: string; parsed: ParsedFile }>,
  target: BatchTarget,
  deps: AssembleDeps,
  batchSize = DEFAULT_ASSEMBLY_BATCH,
  afterBatch: () => void = () => {},
): Promise<Result<BatchedImport, Problem>> {
  const duplicatesPerFile = files.map(() => 0);
  const postsPerFile = files.map(() => 0);
  // Thread groups in order of first appearance; each holds its posts per file.
  const groups = new Map<string, ThreadGroup>();
  const seen = new Map<string, Set<string>>();
  files.forEach(({ parsed }, f) => {
    for (const post of parsed.posts) {
      let ids = seen.get(post.platform);
      if (!ids) seen.set(post.platform, (ids = new Set()));
      if (ids.has(post.platformId) || target.stored.hasPost(post.platform, post.platformId)) {
        duplicatesPerFile[f] = (duplicatesPerFile[f] ?? 0) + 1;
        continue;
      }
      ids.add(post.platformId);
      postsPerFile[f] = (postsPerFile[f] ?? 0) + 1;
      const key = `${post.platform}\u0000${post.threadKey}`;
      let perFile = groups.get(key);
      if (!perFile) groups.set(key, (perFile = new Array<RawPost[] | undefined>(files.length)));
      (perFile[f] ??= []).push(post);
    }
    parsed.posts = [];
  });
  seen.clear();

  const sizeOf = (group: ThreadGroup): number => group.reduce((n, posts) => n + (posts?.length ?? 0), 0);
  let count = 0;
  let pending = 0;
  for (const group of groups.values()) {
    pending += sizeOf(group);
    if (pending >= batchSize) [count, pending] = [count + 1, 0];
  }
  if (pending > 0) count++;

  // One time for the whole import, as one call would stamp it.
  const importedAt = deps.clock.now();
  const batchDeps: AssembleDeps = { ids: deps.ids, clock: { now: () => importedAt } };
  const joined = new Set<string>();
  const created = new Set<string>();
  const out: BatchedImport = { threads: [], postCount: 0, joinedThreadIds: [], duplicatesSkipped: 0, duplicatesPerFile, postsPerFile, warnings: [], batches: 0 };
  let batch: ThreadGroup[] = [];
  let size = 0;
  const flush = async (): Promise<Problem | undefined> => {
    const input = files
      .map(({ fileName, parsed }, f) => ({ fileName, parsed: { ...parsed, posts: batch.flatMap((g) => g[f] ?? []), warnings: [] } }))
      .filter((file) => file.parsed.posts.length > 0);
    batch = [];
    size = 0;
    const existing = await target.existingFor(input.map((file) => file.parsed));
    const assembled = assembleThreads(input, joiningEarlierThreadsOnly(existing, created), batchDeps);
    // Fresh flat copies: assembly's strings and objects carry build-up overhead (compact.ts).
    const posts = assembled.posts.map(compact);
    assembled.posts.length = 0;
    const problem = await target.commit({ threads: assembled.threads, posts }, { index: out.batches + 1, count });
    if (problem) return problem;
    out.batches++;
    for (const t of assembled.threads) {
      out.threads.push(t);
      created.add(t.id);
    }
    out.postCount += posts.length;
    for (const w of assembled.warnings) out.warnings.push(w);
    out.duplicatesSkipped += assembled.duplicatesSkipped;
    for (const id of assembled.joinedThreadIds) joined.add(id);
    afterBatch();
    return undefined;
  };
  for (const [key, perFile] of groups) {
    groups.delete(key);
    batch.push(perFile);
    size += sizeOf(perFile);
    if (size >= batchSize) {
      const problem = await flush();
      if (problem) return err(problem);
    }
  }
  if (size > 0) {
    const problem = await flush();
    if (problem) return err(problem);
  }
  out.duplicatesSkipped += duplicatesPerFile.reduce((a, b) => a + b, 0);
  out.joinedThreadIds = [...joined];
  return ok(out);
}

/**
 * New replies join threads the project held before the import, never one an earlier batch made:
 * the result must not depend on where the batches happen to be cut.
 */
function joiningEarlierThreadsOnly(existing: ExistingPosts, created: ReadonlySet<string>): ExistingPosts {
  const locate = existing.locate;
  if (!locate || created.size === 0) return existing;
  return {
    hasPost: existing.hasPost,
    locate: (platform, platformId) => {
      const found = locate(platform, platformId);
      return found !== null && created.has(found.threadId) ? null : found;
    },
  };
}
