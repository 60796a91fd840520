/**
 * Import bench page. ?format=ndjson|csv&n=100000&run=1[&seed=…]
 *
 * Builds the file in the page (untimed, as a File: nothing big crosses Playwright), then exposes
 * `window.__importBench` for bench/import-bench.mjs:
 * - prepare(): creates the database (as the app has one before an import) and the ImportClient
 *   (as the import dialog does when it opens), so neither is timed;
 * - runApp(): the app's real import path, ImportClient.preview() → `preview` event → commit() at
 *   once → `committed`, timed with performance.now() in the page;
 * - runSearchIndex(): the search index of the imported posts built by the Search tab's own Worker
 *   (SearchClient.prepare → SearchSession.ensure: read the posts, build, save the index in its
 *   IndexedDB cache), timed from prepare() to its answer (issue 11: ≤ 1.0× the import's write);
 * - readBack(): every thread's posts from the app's database through post-store's
 *   postsOfThreadInOrder (+ `seq`), then deletes that database (and the search cache);
 * - runIndexBuild(): the index build alone (SearchIndex.addThreads + prepare, what the Worker
 *   runs between reading the posts and saving) over those read-back posts, on the page's thread;
 * - runBaseline(): raw IndexedDB, no Dexie: `put` of those posts, one record each, in ONE
 *   readwrite transaction with durability 'strict', timed from the first put to `oncomplete`.
 */
import { SearchIndex, type ThreadPosts } from '@shared/analysis/search/search-index';
import type { Post, Thread } from '@shared/model/records';
import { formatProblem, type Problem } from '@shared/problem/problem';

import { openThreadmarkDB } from '../../renderer/db/database';
import { ensureCoder } from '../../renderer/db/repositories/coders-repository';
import { setCurrentCoderId } from '../../renderer/db/repositories/settings-repository';
import { postsOfThreadInOrder } from '../../renderer/db/post-store';
import { searchCacheDbName } from '../../renderer/db/search-cache-name';
import { SearchClient } from '../../renderer/features/analysis/search/search-client';
import { ImportClient } from '../../renderer/features/import/import-client';
import type { ImportEvent, ImportPreview, ImportSummary } from '../../renderer/features/import/import-protocol';
import { generateImport, type GeneratedImport, type ImportFormat } from './generate-import';

export interface AppResult {
  ok: boolean;
  /** The exact failure (worker error, `failed` problems, unexpected event) when !ok. */
  error?: string;
  /** preview() → `preview` event: reading, parsing, assembling (and the existing-posts lookup). */
  previewMs: number;
  /** commit() → `committed`: the write. */
  writeMs: number;
  /** preview() → `committed`, commit sent as soon as the preview arrived. */
  totalMs: number;
  preview?: ImportPreview;
  summary?: ImportSummary;
  readingEvents: number;
  writingEvents: number;
  /** The Worker's own posts/s in its last writing progress event. */
  lastWritePostsPerSecond?: number;
}

export interface ReadBackResult {
  threads: number;
  posts: number;
  /** Posts with a platform id (not placeholders). */
  withPlatformId: number;
  readMs: number;
  deleteMs: number;
}

export interface SearchIndexResult {
  ok: boolean;
  error?: string;
  /** SearchClient.prepare() → its answer: the Worker reads the posts, builds and saves the index. */
  ms: number;
  posts: number;
  how?: string;
}

export interface IndexBuildResult {
  /** SearchIndex.addThreads (batches of ~20,000 posts, as the Worker) + prepare(), in the page. */
  ms: number;
  posts: number;
  words: number;
}

export interface BaselineResult {
  ok: boolean;
  error?: string;
  records: number;
  /** First put → transaction `complete`. */
  ms: number;
  /** Of which the synchronous put loop (structured clone of every record). */
  putLoopMs: number;
}

export interface ImportBenchApi {
  phase: 'loading' | 'generated' | 'prepared' | 'error';
  error?: string;
  format: ImportFormat;
  n: number;
  data?: Omit<GeneratedImport, 'file'> & { bytes: number; fileName: string; generateMs: number };
  prepare(): Promise<void>;
  runApp(): Promise<AppResult>;
  runSearchIndex(): Promise<SearchIndexResult>;
  readBack(): Promise<ReadBackResult>;
  runIndexBuild(): IndexBuildResult;
  runBaseline(): Promise<BaselineResult>;
}

declare global {
  interface Window {
    __importBench?: ImportBenchApi;
  }
}

const params = new URLSearchParams(window.location.search);
const format: ImportFormat = params.get('format') === 'csv' ? 'csv' : 'ndjson';
const n = Math.max(2, Number.parseInt(params.get('n') ?? '100000', 10) || 100_000);
const run = params.get('run') ?? '0';
const seed = Number.parseInt(params.get('seed') ?? '20260511', 10) || 20260511;
const stamp = `${format}-${run}-${Date.now().toString(36)}`;
const appDbName = `bench-import-app-${stamp}`;
const baselineDbName = `bench-import-baseline-${stamp}`;

let file: File | null = null;
let client: ImportClient | null = null;
let onEvent: (event: ImportEvent) => void = () => {};
/** The app's stored posts, read back for the baseline. */
let rows: Array<Record<string, unknown>> = [];
/** The same posts by thread, for the in-page index build. */
let threadPosts: ThreadPosts[] = [];

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Deletes a database. `blocked` only says a connection is still open (the terminated import
 * Worker's closes a moment later): the delete then waits for it, up to a minute.
 */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    const timer = setTimeout(() => reject(new Error(`deleting ${name} stayed blocked by an open connection for 60 s`)), 60_000);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error(`could not delete ${name}`));
    };
  });
}

const describeProblems = (problems: readonly Problem[]): string =>
  problems
    .slice(0, 5)
    .map((p) => formatProblem(p))
    .join(' | ') + (problems.length > 5 ? ` (+${problems.length - 5} more)` : '');

const api: ImportBenchApi = {
  phase: 'loading',
  format,
  n,

  async prepare() {
    // The project database exists before an import in the app, with the coder who imports (every
    // write is journaled as someone's): create both, untimed.
    const db = openThreadmarkDB(appDbName);
    await db.open();
    const coder = await ensureCoder(db, 'Bench', { newId: () => 'coder-bench' });
    await setCurrentCoderId(db, coder.id);
    db.close();
    client = new ImportClient((event) => onEvent(event));
    api.phase = 'prepared';
  },

  runApp() {
    const current = client;
    const picked = file;
    if (current === null || picked === null) return Promise.reject(new Error('prepare() first'));
    return new Promise<AppResult>((resolve) => {
      let readingEvents = 0;
      let writingEvents = 0;
      let lastWritePostsPerSecond: number | undefined;
      let previewAt = Number.NaN;
      let preview: ImportPreview | undefined;
      const started = performance.now();
      // A hung import must not hang the bench: give up after 15 minutes.
      const watchdog = setTimeout(() => finish({ ok: false, error: 'no `committed`, `failed` or `cancelled` event within 15 minutes' }), 15 * 60_000);
      const finish = (result: Partial<AppResult> & { ok: boolean }): void => {
        clearTimeout(watchdog);
        const now = performance.now();
        const previewMs = Number.isFinite(previewAt) ? previewAt - started : Number.NaN;
        resolve({
          previewMs,
          writeMs: Number.isFinite(previewAt) && result.ok ? now - previewAt : Number.NaN,
          totalMs: result.ok ? now - started : Number.NaN,
          readingEvents,
          writingEvents,
          ...(preview ? { preview } : {}),
          ...(lastWritePostsPerSecond === undefined ? {} : { lastWritePostsPerSecond }),
          ...result,
        });
        current.dispose();
        client = null;
      };
      onEvent = (event) => {
        switch (event.type) {
          case 'progress':
            if (event.phase === 'reading') readingEvents++;
            else {
              writingEvents++;
              lastWritePostsPerSecond = event.postsPerSecond;
            }
            return;
          case 'preview':
            previewAt = performance.now();
            preview = event.preview;
            // The user's look at the preview is not timed: commit at once.
            current.commit();
            return;
          case 'committed':
            finish({ ok: true, summary: event.summary });
            return;
          case 'failed':
            finish({ ok: false, error: `import failed: ${describeProblems(event.problems)}` });
            return;
          case 'needs-mapping':
            finish({ ok: false, error: `the import asked for a column mapping (columns: ${event.columns.join(', ')})` });
            return;
          case 'cancelled':
            finish({ ok: false, error: 'the import was cancelled' });
            return;
        }
      };
      current.preview(appDbName, [picked], null, null);
    });
  },

  async runSearchIndex() {
    const search = new SearchClient();
    const started = performance.now();
    try {
      const answer = await search.prepare({ dbName: appDbName, projectId: 'bench' }, () => {});
      const ms = performance.now() - started;
      return answer.ok ? { ok: true, ms, posts: answer.value.posts, how: answer.value.how } : { ok: false, error: formatProblem(answer.error), ms, posts: 0 };
    } catch (error) {
      return { ok: false, error: String(error), ms: Number.NaN, posts: 0 };
    } finally {
      search.dispose();
    }
  },

  async readBack() {
    const started = performance.now();
    const db = openThreadmarkDB(appDbName);
    const threads = await db.threads.toArray();
    const read: Array<Record<string, unknown>> = [];
    threadPosts = [];
    for (const thread of threads) {
      const posts = await postsOfThreadInOrder(db, thread.id);
      threadPosts.push({ thread: thread as Thread, posts: posts as Post[] });
      posts.forEach((post, seq) => read.push({ ...post, seq }));
    }
    const readMs = performance.now() - started;
    db.close();
    // The app's database goes before the baseline writes, so the baseline's store does not share
    // the disk (and the backing store's compactions) with 100,000 rows of the app import.
    const deleteStarted = performance.now();
    await deleteDatabase(appDbName);
    await deleteDatabase(searchCacheDbName(appDbName));
    rows = read;
    return {
      threads: threads.length,
      posts: read.length,
      withPlatformId: read.filter((r) => r.platformId !== null).length,
      readMs,
      deleteMs: performance.now() - deleteStarted,
    };
  },

  runIndexBuild() {
    const started = performance.now();
    const index = new SearchIndex();
    // As SearchSession: a segment per batch of about 20,000 posts.
    for (let i = 0; i < threadPosts.length; ) {
      const batch: ThreadPosts[] = [];
      for (let n = 0; i < threadPosts.length && n < 20_000; i++) {
        batch.push(threadPosts[i]!);
        n += threadPosts[i]!.posts.length;
      }
      index.addThreads(batch);
    }
    index.prepare();
    const result = { ms: performance.now() - started, posts: index.docCount, words: index.termCount };
    threadPosts = [];
    return result;
  },

  async runBaseline() {
    const open = indexedDB.open(baselineDbName, 1);
    open.onupgradeneeded = () => {
      // What a one-row-per-post design needs: the post by id, a thread in order, re-import dedup.
      const store = open.result.createObjectStore('posts', { keyPath: 'id' });
      store.createIndex('[threadId+seq]', ['threadId', 'seq']);
      store.createIndex('[platform+platformId]', ['platform', 'platformId']);
    };
    const db = await requestDone(open);
    try {
      return await new Promise<BaselineResult>((resolve) => {
        const tx = db.transaction('posts', 'readwrite', { durability: 'strict' });
        const store = tx.objectStore('posts');
        let putLoopMs = Number.NaN;
        const started = performance.now();
        tx.oncomplete = () => resolve({ ok: true, records: rows.length, ms: performance.now() - started, putLoopMs });
        tx.onerror = () => resolve({ ok: false, error: String(tx.error), records: rows.length, ms: Number.NaN, putLoopMs });
        tx.onabort = () => resolve({ ok: false, error: `aborted: ${String(tx.error)}`, records: rows.length, ms: Number.NaN, putLoopMs });
        for (const row of rows) store.put(row);
        putLoopMs = performance.now() - started;
      });
    } finally {
      db.close();
      rows = [];
      await deleteDatabase(baselineDbName).catch(() => {});
    }
  },
};
window.__importBench = api;

try {
  const started = performance.now();
  const generated = generateImport(format, n, seed);
  const generateMs = performance.now() - started;
  const { file: built, ...data } = generated;
  file = built;
  api.data = { ...data, bytes: built.size, fileName: built.name, generateMs };
  api.phase = 'generated';
} catch (error) {
  api.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  api.phase = 'error';
}
