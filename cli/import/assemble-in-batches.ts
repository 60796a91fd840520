/**
 * assembleThreads over a big import without holding every post three times. assembleThreads keeps
 * the parsed posts, its tree nodes and the new posts all alive until it returns, which for a
 * million posts is more memory than the CLI may use. Threads are independent, so this feeds it
 * whole threads in batches, in the order they first appear, and lets each batch's parsed posts
 * go once assembled. Duplicates are removed first, exactly as assembleThreads would count them
 * (the first copy in input order wins; a post already in the project is skipped), which also
 * gives the per-file duplicate counts for the summary. The result is what one call would give,
 * except that warnings come batch by batch.
 */
import { assembleThreads, type AssembleDeps, type ExistingPosts } from '@shared/import/assemble-threads';
import type { ImportWarning, ParsedFile, RawPost } from '@shared/import/raw-post';
import type { Post, Thread } from '@shared/model/records';

import { compact } from '@shared/import/stream/compact';

export const DEFAULT_ASSEMBLY_BATCH = 50_000;

export interface BatchedImport {
  threads: Thread[];
  posts: Post[];
  duplicatesSkipped: number;
  /** Threads of the --into bundle that new replies join. */
  joinedThreadIds: string[];
  /** Per input file, in order. */
  duplicatesPerFile: number[];
  /** Per input file: posts that were not duplicates. */
  postsPerFile: number[];
  warnings: ImportWarning[];
}

/** Takes ownership of `files`: their post lists are emptied as they are used. */
export function assembleInBatches(
  files: Array<{ fileName: string; parsed: ParsedFile }>,
  existing: ExistingPosts,
  deps: AssembleDeps,
  batchSize = DEFAULT_ASSEMBLY_BATCH,
  afterBatch: () => void = () => {},
): BatchedImport {
  const duplicatesPerFile = files.map(() => 0);
  const postsPerFile = files.map(() => 0);
  // Thread groups in order of first appearance; each holds its posts per file.
  const groups = new Map<string, Array<RawPost[] | undefined>>();
  const seen = new Map<string, Set<string>>();
  files.forEach(({ parsed }, f) => {
    for (const post of parsed.posts) {
      let ids = seen.get(post.platform);
      if (!ids) seen.set(post.platform, (ids = new Set()));
      if (ids.has(post.platformId) || existing.hasPost(post.platform, post.platformId)) {
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

  // One time for the whole import, as one call would stamp it.
  const importedAt = deps.clock.now();
  const batchDeps: AssembleDeps = { ids: deps.ids, clock: { now: () => importedAt } };
  const joined = new Set<string>();
  const out: BatchedImport = { threads: [], posts: [], joinedThreadIds: [], duplicatesSkipped: 0, duplicatesPerFile, postsPerFile, warnings: [] };
  let batch: Array<Array<RawPost[] | undefined>> = [];
  let size = 0;
  const flush = (): void => {
    const input = files
      .map(({ fileName, parsed }, f) => ({ fileName, parsed: { ...parsed, posts: batch.flatMap((g) => g[f] ?? []), warnings: [] } }))
      .filter((file) => file.parsed.posts.length > 0);
    batch = [];
    size = 0;
    const assembled = assembleThreads(input, existing, batchDeps);
    for (const t of assembled.threads) out.threads.push(t);
    // Fresh flat copies: assembly's strings and objects carry build-up overhead (compact.ts).
    for (const p of assembled.posts) out.posts.push(compact(p));
    for (const w of assembled.warnings) out.warnings.push(w);
    out.duplicatesSkipped += assembled.duplicatesSkipped;
    for (const id of assembled.joinedThreadIds) joined.add(id);
    afterBatch();
  };
  for (const [key, perFile] of groups) {
    groups.delete(key);
    batch.push(perFile);
    for (const posts of perFile) size += posts?.length ?? 0;
    if (size >= batchSize) flush();
  }
  if (size > 0) flush();
  out.duplicatesSkipped += duplicatesPerFile.reduce((a, b) => a + b, 0);
  out.joinedThreadIds = [...joined];
  return out;
}
