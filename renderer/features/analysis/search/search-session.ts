/**
 * The Worker's search index for one project, kept up to date incrementally: before each search the
 * project's threads and post counts (the posts fingerprint: posts never change, so a thread's
 * count changes only when posts are added to it) are compared with what the index holds; gone
 * threads are dropped, new or grown ones indexed. The index is kept in IndexedDB between sessions
 * (index-store.ts); a restored index gets its texts back from the project's posts.
 */
import { SearchIndex, type SerializedSearchIndex } from '@shared/analysis/search/search-index';
import { codedPostIds } from '@shared/analysis/search/coded-posts';
import { runSearch, type SearchResult } from '@shared/analysis/search/run-search';
import type { SearchRequest } from '@shared/analysis/search/search-request';
import type { Post } from '@shared/model/records';
import type { Problem } from '@shared/problem/problem';
import type { ProjectStore } from '@shared/project/project-store';
import type { CancelSignal } from '@shared/util/cancelled';
import type { Result } from '@shared/util/result';

/** Where the serialized index is kept (IndexedDB in the app, memory in tests). */
export interface IndexStore {
  load(): Promise<SerializedSearchIndex | null>;
  save(index: SerializedSearchIndex): Promise<void>;
}

export interface IndexProgress {
  /** Threads indexed (or given back their texts) so far, of `total`. */
  done: number;
  total: number;
}

export interface EnsureOutcome {
  /** How the index came to be: restored from IndexedDB, built now, updated, or as it was. */
  how: 'restored' | 'built' | 'updated' | 'current';
  posts: number;
}

/** A rebuild from scratch once a fifth of the indexed posts belong to removed threads. */
const REBUILD_SHARE = 0.2;

export class SearchSession {
  private index: SearchIndex | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ProjectStore,
    private readonly persisted: IndexStore,
  ) {}

  /** Brings the index up to date with the project's posts; calls run one after another. */
  ensure(progress: (p: IndexProgress) => void = () => {}): Promise<EnsureOutcome> {
    const run = this.queue.then(() => this.update(progress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async update(progress: (p: IndexProgress) => void): Promise<EnsureOutcome> {
    const stats = await this.store.read((r) => r.threadStats());
    const wanted = new Map([...stats].map(([id, s]) => [id, s.postCount]));
    let how: EnsureOutcome['how'] = 'current';
    if (this.index === null) {
      const saved = await this.persisted.load().catch(() => null);
      const restored = saved === null ? null : SearchIndex.restore(saved);
      if (restored) {
        this.index = restored;
        how = 'restored';
      } else {
        this.index = new SearchIndex();
        how = 'built';
      }
    }
    let index = this.index;
    for (const [id, count] of index.indexedThreads()) if (wanted.get(id) !== count) index.removeThread(id);
    if (index.removedShare() > REBUILD_SHARE) {
      index = this.index = new SearchIndex();
      how = 'built';
    }
    const held = index.indexedThreads();
    const toIndex = [...wanted.keys()].filter((id) => held.get(id) !== wanted.get(id));
    // A restored index has no texts: the threads it kept get them back from the stored posts.
    const toAttach = index.hasAllTexts() ? [] : [...index.indexedThreads().keys()];
    const total = toIndex.length + toAttach.length;
    let done = 0;
    if (total === 0) return { how, posts: index.docCount };
    const threads = new Map((await this.store.read((r) => r.threads())).map((t) => [t.id, t]));
    for (const id of toAttach) {
      const posts = await this.store.read((r) => r.postsOfThread(id));
      if (!index.attachTexts(id, posts)) {
        index.removeThread(id);
        toIndex.push(id);
      }
      progress({ done: ++done, total });
    }
    // A batch of threads at a time: one segment per batch, progress between batches.
    const BATCH_POSTS = 20_000;
    let batch: { thread: { id: string; platform: Post['platform'] }; posts: Post[] }[] = [];
    let batchPosts = 0;
    const flush = (): void => {
      index.addThreads(batch);
      done += batch.length;
      progress({ done, total });
      batch = [];
      batchPosts = 0;
    };
    // The posts of a batch's threads in ONE read transaction: a transaction per thread cost more
    // than the build itself (bench/import-bench.mjs measures this whole update).
    const known = toIndex.filter((id) => threads.has(id));
    for (let at = 0; at < known.length; ) {
      const ids: string[] = [];
      for (let n = 0; at < known.length && n < BATCH_POSTS; at++) {
        ids.push(known[at]!);
        n += wanted.get(known[at]!) ?? 0;
      }
      const read = await this.store.read((r) => Promise.all(ids.map((id) => r.postsOfThread(id))));
      ids.forEach((id, i) => {
        batch.push({ thread: threads.get(id)!, posts: read[i]! });
        batchPosts += read[i]!.length;
        if (batchPosts >= BATCH_POSTS) flush();
      });
    }
    if (batch.length > 0) flush();
    if (toIndex.length > 0) {
      index.prepare();
      await this.persisted.save(index.serialize()).catch(() => undefined); // a cache: searching works without it
      if (how === 'current') how = 'updated';
    }
    return { how, posts: index.docCount };
  }

  async search(request: SearchRequest, signal?: CancelSignal, pause?: () => Promise<void>): Promise<Result<SearchResult, Problem>> {
    await this.ensure();
    const coded = request.filters?.coded;
    let codedIds: Set<string> | undefined;
    if (coded) {
      // Read first, then search outside the read: the search pauses, which would end a Dexie transaction.
      const read = await this.store.read((reader) => codedPostIds(reader, coded));
      if (!read.ok) return read;
      codedIds = read.value;
    }
    return runSearch(this.index!, request, { codedPostIds: codedIds, signal, pause });
  }
}
