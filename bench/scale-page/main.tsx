/**
 * The scale bench's Chromium page (issue 15): ?n=<posts>.
 *
 * - generate(): writes the project of bench/scale-project.ts straight into IndexedDB (untimed: the
 *   import is measured elsewhere): post pages through post-store's appendPosts, codings with bulkAdd,
 *   as the Dexie adapter stores them; lists it in the project registry as the project opened last,
 *   with the machine's coder; builds its search index once (the Worker's cache), as a project
 *   reopened after its import has it.
 * - openProject(): mounts the real <App/>: the boot, the registry, openProject, the Workspace; timed
 *   to the first frame that shows the thread list (and, after it, the first thread's posts).
 * - the other steps (largest thread vs a plain list, scroll, coding, search) are driven by
 *   bench/scale-browser.mjs one page.evaluate at a time, so it can read CDP metrics between them.
 */
import '../../renderer/styles/app.css';

import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';

import type { Coding, Post, Thread } from '@shared/model/records';
import { codePointToUtf16 } from '@shared/text/offsets';

import { App } from '../../renderer/app/App';
import { countStoredCodings } from '../../renderer/db/coding-counts';
import { openThreadmarkDB, type ThreadmarkDB } from '../../renderer/db/database';
import { appendPosts, postsOfThreadInOrder, postTables } from '../../renderer/db/post-store';
import { addProject, projectDbName, setMachineCoder } from '../../renderer/db/registry/registry';
import { ProjectRegistryDB } from '../../renderer/db/registry/registry-db';
import { setCurrentCoderId } from '../../renderer/db/repositories/settings-repository';
import type { MarkSpan } from '../../renderer/editor/post-content';
import { SearchClient } from '../../renderer/features/analysis/search/search-client';
import { PlainThreadList } from '../page/PlainThreadList';
import { largestThreadSize, SCALE_CODERS, SCALE_CODES, SCALE_T0, scaleThreads } from '../scale-project';

export interface SearchFigures {
  prepareMs: number;
  searchMs: number;
  posts: number;
  hits: number;
  how: string;
  error?: string;
}

export interface ScaleBenchApi {
  n: number;
  dbName: string;
  generate(): Promise<{ generated: boolean; ms: number; posts: number; codings: number; indexMs: number }>;
  openProject(): Promise<{ threadListMs: number; firstThreadMs: number; threadRows: number }>;
  /** After openProject: ms from its start to the whole first thread read (its feed no longer aria-busy). */
  wholeFirstThread(): Promise<number>;
  /** Opens a small thread (untimed), then the largest one: click → first frame with its posts (ms), and → the whole thread read (completeMs). */
  openLargestThread(): Promise<{ ms: number; completeMs: number; postRows: number }>;
  /** The same thread's posts and codings read through post-store, rendered as a plain React list in the thread pane's place. */
  plainLargestThread(): Promise<{ ms: number; readMs: number; postRows: number }>;
  scroll(which: 'app' | 'plain', steps: number, px: number): Promise<{ stepsMs: number[] }>;
  /** Selects a few characters of the `index`-th post on screen (Lexical reads the selection on selectionchange). */
  selectInPost(index: number): Promise<boolean>;
  /** Clicks a code in the codebook: the click → the new mark on screen. */
  applyCode(): Promise<{ ms: number; ok: boolean; error?: string }>;
  announced(): string[];
  /** A failure is reported (`error`), not thrown: the bench shows what breaks at a size. */
  search(query: string): Promise<SearchFigures>;
}

declare global {
  interface Window {
    __scaleBench?: ScaleBenchApi;
  }
}

const params = new URLSearchParams(window.location.search);
const n = Math.max(10_000, Number.parseInt(params.get('n') ?? '10000', 10) || 10_000);
const projectId = `scale-${n}`;
const dbName = projectDbName(projectId);
const CODER = SCALE_CODERS[0]!;
/** Posts written per transaction while generating. */
const WRITE_BATCH = 50_000;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves at the first DOM change after which `ready()` holds (checked at once and on every mutation). */
function when(ready: () => boolean, timeoutMs = 600_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`bench: the awaited view did not appear within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-post-id', 'data-thread-id', 'aria-busy'] });
  });
}

const threadPane = () => document.querySelector<HTMLElement>('.main-pane');
const postRows = (root: ParentNode | null) => (root ? root.querySelectorAll('[data-post-id]').length : 0);
const postsOf = (threadId: string, root: ParentNode | null) => (root ? root.querySelector(`[data-post-id="p${threadId === 't0' ? 0 : firstPostOf(threadId)}"]`) !== null : false);
/** Thread 1's first post id: thread 0 holds largestThreadSize posts. */
const firstPostOf = (threadId: string) => (threadId === 't1' ? largestThreadSize(n) : 0);

let appRoot: Root | null = null;
let plainRoot: Root | null = null;
let plainHost: HTMLElement | null = null;

async function generate(): Promise<{ generated: boolean; ms: number; posts: number; codings: number; indexMs: number }> {
  const registry = new ProjectRegistryDB();
  const started = performance.now();
  const listed = await registry.projects.get(projectId);
  if (listed?.counts?.posts === n) {
    registry.close();
    return { generated: false, ms: 0, posts: n, codings: listed.counts.codings, indexMs: 0 };
  }
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(dbName);
    request.onsuccess = request.onerror = () => resolve();
  });
  const db = openThreadmarkDB(dbName);
  await db.open();
  await db.transaction('rw', [db.projects, db.coders, db.codes], async () => {
    await db.projects.put({ id: 'project', name: `Scale ${n.toLocaleString('en-US')}`, createdAt: SCALE_T0 });
    await db.coders.bulkPut(SCALE_CODERS);
    await db.codes.bulkPut(SCALE_CODES);
  });
  await setCurrentCoderId(db, CODER.id);
  let posts: Post[] = [];
  let codings: Coding[] = [];
  let threads: Thread[] = [];
  let codingCount = 0;
  const flush = async (db: ThreadmarkDB) => {
    await db.transaction('rw', [db.threads, ...postTables(db), db.codings], async () => {
      await db.threads.bulkAdd(threads);
      await appendPosts(db, posts);
      await db.codings.bulkAdd(codings);
    });
    codingCount += codings.length;
    posts = [];
    codings = [];
    threads = [];
  };
  for (const part of scaleThreads(n)) {
    threads.push(part.thread);
    for (const post of part.posts) posts.push(post);
    for (const coding of part.codings) codings.push({ ...coding, threadId: part.thread.id });
    if (posts.length >= WRITE_BATCH) await flush(db);
  }
  await flush(db);
  // The counts the apply step keeps (migration 0011), as an import would have left them.
  await db.codingCounts.bulkPut(await countStoredCodings(db.codings));
  db.close();
  await setMachineCoder(registry, CODER);
  const now = new Date().toISOString();
  await addProject(registry, { id: projectId, name: `Scale ${n.toLocaleString('en-US')}`, dbName, kind: 'project', createdAt: now, openedAt: now, counts: { threads: 1000, posts: n, codings: codingCount } });
  registry.close();
  const ms = performance.now() - started;
  // The index the app's upkeep would have built after the import, saved in its cache.
  const indexStarted = performance.now();
  const search = new SearchClient();
  const prepared = await search.prepare({ dbName, projectId: 'project' }, () => {});
  search.dispose();
  if (!prepared.ok) throw new Error(`bench: the search index was not built: ${prepared.error.message}`);
  return { generated: true, ms, posts: n, codings: codingCount, indexMs: performance.now() - indexStarted };
}

async function openProject(): Promise<{ threadListMs: number; firstThreadMs: number; threadRows: number }> {
  const container = document.getElementById('root')!;
  const started = performance.now();
  appRoot = createRoot(container);
  appRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await when(() => document.querySelector('[data-thread-id]') !== null);
  await nextFrame();
  const threadListMs = performance.now() - started;
  const threadRows = document.querySelectorAll('[data-thread-id]').length;
  await when(() => postRows(threadPane()) > 0);
  await nextFrame();
  openStarted = started;
  return { threadListMs, firstThreadMs: performance.now() - started, threadRows };
}

let openStarted = 0;

/** After openProject: the whole first thread read (the steps after it act on all of it), in ms since the open began. */
async function wholeFirstThread(): Promise<number> {
  await when(threadComplete);
  return performance.now() - openStarted;
}

/** The thread pane's feed holds the whole thread (ThreadView's aria-busy is off). */
const threadComplete = () => threadPane()?.querySelector('[role="feed"][aria-busy="false"]') != null;

async function clickThread(threadId: string): Promise<number> {
  const button = document.querySelector<HTMLElement>(`[data-thread-id="${threadId}"]`);
  if (!button) throw new Error(`bench: thread ${threadId} is not in the thread list`);
  const started = performance.now();
  button.click();
  await when(() => postsOf(threadId, threadPane()));
  await nextFrame();
  return performance.now() - started;
}

async function openLargestThread(): Promise<{ ms: number; completeMs: number; postRows: number }> {
  await clickThread('t1');
  await when(threadComplete);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = performance.now();
  const ms = await clickThread('t0');
  const rows = postRows(threadPane());
  // The rest of the thread is read before the plain list's clock starts: they never overlap.
  await when(threadComplete);
  return { ms, completeMs: performance.now() - started, postRows: rows };
}

async function plainLargestThread(): Promise<{ ms: number; readMs: number; postRows: number }> {
  const pane = threadPane();
  if (!pane) throw new Error('bench: no thread pane to take the place of');
  const box = pane.getBoundingClientRect();
  document.getElementById('root')!.style.display = 'none';
  plainHost = document.createElement('div');
  plainHost.className = 'main-pane';
  Object.assign(plainHost.style, { position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`, display: 'flex', flexDirection: 'column' });
  document.body.append(plainHost);
  // The storage floor: the thread's posts and codings, read as the app reads them, over a connection
  // opened before the clock starts (the app's is open too).
  const db = openThreadmarkDB(dbName);
  await db.open();
  const started = performance.now();
  const [posts, codings] = await Promise.all([postsOfThreadInOrder(db, 't0'), db.codings.where('threadId').equals('t0').toArray()]);
  db.close();
  const readMs = performance.now() - started;
  const byId = new Map(posts.map((p) => [p.id, p]));
  const spans = new Map<string, MarkSpan[]>();
  for (const c of codings) {
    const text = byId.get(c.postId)?.text;
    if (text === undefined) continue;
    const list = spans.get(c.postId) ?? [];
    list.push({ id: c.id, start: codePointToUtf16(text, c.start), end: codePointToUtf16(text, c.end), color: '#336699' });
    spans.set(c.postId, list);
  }
  plainRoot = createRoot(plainHost);
  flushSync(() => plainRoot!.render(<PlainThreadList title="Thread 0" posts={posts} spansByPost={spans} />));
  await when(() => postRows(plainHost) > 0);
  await nextFrame();
  return { ms: performance.now() - started, readMs, postRows: postRows(plainHost) };
}

async function scroll(which: 'app' | 'plain', steps: number, px: number): Promise<{ stepsMs: number[] }> {
  const scroller = (which === 'app' ? threadPane() : plainHost)?.querySelector<HTMLElement>('.thread-scroll');
  if (!scroller) throw new Error(`bench: no ${which} thread scroller`);
  const stepsMs: number[] = [];
  for (let i = 0; i < steps; i++) {
    const started = performance.now();
    scroller.scrollBy(0, px);
    await nextFrame();
    stepsMs.push(performance.now() - started);
  }
  return { stepsMs };
}

let codingTarget: { postId: string; marks: number } | null = null;

async function selectInPost(index: number): Promise<boolean> {
  const pane = threadPane();
  const roots = [...(pane?.querySelectorAll<HTMLElement>('[data-post-id]') ?? [])].filter((row) => {
    const box = row.getBoundingClientRect();
    return box.top >= (pane?.getBoundingClientRect().top ?? 0) && box.bottom <= window.innerHeight;
  });
  const row = roots[index % Math.max(1, roots.length)];
  const text = row?.querySelector<HTMLElement>('[data-post-text]');
  if (!row || !text) return false;
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  // The last text node with a few letters: past any existing mark.
  let node: Node | null = null;
  for (let at = walker.nextNode(); at; at = walker.nextNode()) if ((at.textContent ?? '').length >= 8) node = at;
  if (!node) return false;
  text.focus();
  window.getSelection()?.setBaseAndExtent(node, 1, node, 6);
  codingTarget = { postId: row.dataset.postId!, marks: row.querySelectorAll('mark').length };
  await new Promise((resolve) => setTimeout(resolve, 60));
  return true;
}

/** A coding not on screen after this long is reported as such (the bench goes on). */
const CODING_TIMEOUT_MS = 120_000;

async function applyCode(): Promise<{ ms: number; ok: boolean; error?: string }> {
  const target = codingTarget;
  const code = document.querySelector<HTMLElement>('[role="treeitem"][data-code-id="k5"]');
  if (!target || !code) return { ms: Number.NaN, ok: false, error: 'no post text or code to click' };
  const row = () => threadPane()?.querySelector(`[data-post-id="${target.postId}"]`);
  const started = performance.now();
  code.click();
  try {
    await when(() => (row()?.querySelectorAll('mark').length ?? 0) > target.marks, CODING_TIMEOUT_MS);
  } catch {
    return { ms: performance.now() - started, ok: false, error: `the coding was not on screen after ${CODING_TIMEOUT_MS / 1000} s` };
  }
  await nextFrame();
  return { ms: performance.now() - started, ok: true };
}

/** What the app said in its status line and alerts (a failed backup, a refused coding). */
const announced: string[] = [];
const LIVE_REGION = '[role="status"], [role="alert"]';
// Only the changed nodes are looked at: a query of the whole document on every change of the page
// was counted in each coding's main-thread CPU (17 ms at 100,000 posts).
new MutationObserver((records) => {
  const regions = new Set<Element>();
  for (const record of records) {
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    const region = target?.closest(LIVE_REGION);
    if (region) regions.add(region);
    for (const added of record.addedNodes) if (added instanceof Element) for (const r of [...(added.matches(LIVE_REGION) ? [added] : []), ...added.querySelectorAll(LIVE_REGION)]) regions.add(r);
  }
  for (const node of regions) {
    const text = node.textContent?.trim() ?? '';
    if (text !== '' && announced.at(-1) !== text && !announced.includes(text)) announced.push(text);
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });

async function search(query: string): Promise<SearchFigures> {
  const client = new SearchClient();
  try {
    const target = { dbName, projectId: 'project' };
    const started = performance.now();
    const prepared = await client.prepare(target, () => {});
    const prepareMs = performance.now() - started;
    if (!prepared.ok) throw new Error(prepared.error.message);
    const searchStarted = performance.now();
    const found = await client.search(target, { query });
    const searchMs = performance.now() - searchStarted;
    if (!found.ok) throw new Error(found.error.message);
    return { prepareMs, searchMs, posts: found.value.postCount, hits: found.value.hits.length, how: prepared.value.how };
  } catch (error) {
    return { prepareMs: Number.NaN, searchMs: Number.NaN, posts: 0, hits: 0, how: '', error: error instanceof Error ? error.message : String(error) };
  } finally {
    client.dispose();
  }
}

window.__scaleBench = { n, dbName, generate, openProject, wholeFirstThread, openLargestThread, plainLargestThread, scroll, selectInPost, applyCode, search, announced: () => [...announced] };
