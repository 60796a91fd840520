/**
 * The bundle adapter's core: a bundle's records become a MemoryProjectStore (codings regain the
 * thread their post is in), and a store becomes a bundle again in the canonical order. The CLI
 * reads and writes the file around this (cli/project/bundle-file.ts).
 */
import type { Bundle } from '../bundle/bundle';
import type { Coding } from '../model/records';
import type { Problem } from '../problem/problem';
import type { Result } from '../util/result';
import { MemoryProjectStore } from './memory-store';
import { projectBundle, type BundleHead } from './queries/project-bundle';

/** `bundle` must have passed validateBundle (every coding's post is in it). */
export function storeFromBundle(bundle: Bundle): MemoryProjectStore {
  const threadOf = new Map(bundle.posts.map((p) => [p.id, p.threadId]));
  const codings: Coding[] = bundle.codings.map((c) => ({ ...c, threadId: threadOf.get(c.postId) ?? '' }));
  return new MemoryProjectStore({
    project: bundle.project,
    threads: bundle.threads,
    posts: bundle.posts,
    codes: bundle.codes,
    coders: bundle.coders,
    codings,
    codebookVersions: bundle.codebookVersions ?? [],
    assignments: bundle.assignments ?? [],
    rounds: bundle.rounds ?? [],
    decisions: bundle.decisions ?? [],
    memos: bundle.memos ?? [],
    attributes: bundle.attributes ?? [],
    attributeValues: bundle.attributeValues ?? [],
    relationCodes: bundle.relationCodes ?? [],
    relations: bundle.relations ?? [],
    journal: bundle.journal ?? [],
  });
}

export function bundleFromStore(store: MemoryProjectStore, head: BundleHead): Promise<Result<Bundle, Problem>> {
  return store.read((reader) => projectBundle(reader, head));
}
