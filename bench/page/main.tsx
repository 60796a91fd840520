/**
 * Benchmark page. ?mode=lexical|plain&n=10000&run=1[&seed=…][&wait=1][&cold=1]
 *
 * Builds the thread (untimed), renders the real ThreadView (lexical) or PlainThreadList (plain)
 * inside the app's workspace layout, times the first frame, and exposes `window.__bench` so
 * bench/run.mjs can trigger the other measurements and read the results.
 *
 * - wait=1: stop after building the data (phase 'generated') until the driver has collected the
 *   garbage and calls `window.__bench.start()`; without it the page starts by itself.
 * - margin=1: the lexical view with the code margin on (the app's default), for comparison with
 *   the view without it (the plain list has no margin, so the budgets compare without one).
 * - lexical mode warms one post editor at page start, as the app does while its database opens
 *   (renderer/editor/prewarm-post-editor.tsx); cold=1 skips that, to show what the warm-up saves.
 */
import '../../renderer/styles/app.css';

import { useLayoutEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';

import type { Post } from '@shared/model/records';

import type { MarkSpan } from '../../renderer/editor/post-content';
import { prewarmPostEditor } from '../../renderer/editor/prewarm-post-editor';
import type { MarginEntry } from '../../renderer/features/threads/margin/margin-entries';
import { ThreadView } from '../../renderer/features/threads/ThreadView';
import { generateThread } from './generate-thread';
import { PlainThreadList } from './PlainThreadList';

type Mode = 'lexical' | 'plain';
type SpanMap = ReadonlyMap<string, readonly MarkSpan[]>;

export interface FirstFrameResult {
  /** performance.now() from root.render to rAF + setTimeout after commit and a forced layout. */
  firstFrameMs: number;
  /** The synchronous part: flushSync(root.render) including Lexical's reconcile on mount. */
  renderSyncMs: number;
  /** Forced layout right after the commit. */
  layoutMs: number;
  /** Frames waited until every mounted post showed its text and marks (1 = the first). */
  frames: number;
  rowsMounted: number;
  marksInDom: number;
  domElements: number;
  /** Tags and text of the first row outside its post text: the driver checks both views match. */
  rowChrome: string;
  /** Height of the scrolling list (both views must show the same number of pixels of posts). */
  scrollerHeight: number;
}

export interface CodingResult {
  postId: string;
  codingId: string;
  /** performance.now() around flushSync(setSpans): React render + commit + Lexical update. */
  scriptMs: number;
  /** Was the new <mark> in the DOM when flushSync returned? */
  inDomAfterSync: boolean;
  /** From the state change until the mark is in the DOM (== scriptMs when inDomAfterSync). */
  toDomMs: number;
  /** From the state change until the mark is in the DOM, layout is done and a frame has passed. */
  toFrameMs: number;
}

export interface ScrollResult {
  stepsMs: number[];
  medianMs: number;
  maxMs: number;
  scrolledPx: number;
  rowsMounted: number;
}

export interface RerenderResult {
  /** performance.now() around flushSync(setState(new Map(same arrays))): no post changes. */
  stepsMs: number[];
  medianMs: number;
}

export interface FocusResult {
  /** performance.now() around flushSync(dispatch ArrowDown on the focused post): ThreadView only. */
  stepsMs: number[];
  medianMs: number;
}

export interface BenchApi {
  phase: 'loading' | 'generated' | 'ready' | 'error';
  mode: Mode;
  n: number;
  run: string;
  error?: string;
  data?: { posts: number; codings: number; depth: { max: number; median: number; p90: number } };
  firstFrame?: FirstFrameResult;
  coding?: CodingResult;
  scroll?: ScrollResult;
  rerender?: RerenderResult;
  focus?: FocusResult | null;
  warmFirstFrame?: FirstFrameResult;
  /** With wait=1: render the view now (the first-frame measurement). */
  start: () => void;
  /** Settles when phase becomes 'ready' or 'error' (so the driver need not poll during timing). */
  whenReady: Promise<void>;
  applyCoding: () => Promise<CodingResult>;
  scrollSteps: (steps: number, px: number) => Promise<ScrollResult>;
  /** Re-renders the view with an equal spans map (every array kept): the view's own per-render cost. */
  rerenderUnchanged: (times: number) => Promise<RerenderResult>;
  /** ArrowDown through the posts (keyboard navigation); null for the plain list, which has none. */
  focusSteps: (times: number) => Promise<FocusResult | null>;
  /** Unmounts the view and measures the first frame again in the same, now warm, page. */
  remount: () => Promise<FirstFrameResult>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

const params = new URLSearchParams(window.location.search);
const mode: Mode = params.get('mode') === 'plain' ? 'plain' : 'lexical';
const n = Math.max(1, Number.parseInt(params.get('n') ?? '10000', 10) || 10000);
const run = params.get('run') ?? '0';
const seed = Number.parseInt(params.get('seed') ?? '20240611', 10) || 20240611;
const waitForStart = params.get('wait') === '1';
const cold = params.get('cold') === '1';
const withMargin = params.get('margin') === '1';

/**
 * Margin entries from a post's spans, kept per spans array (as the app keeps them per post). Like
 * the spans map itself, the map is prepared before a coding is timed (the app builds both from the
 * live query, per post: features/threads/margin/margin-entries.ts), so the timing is the view's.
 */
const entriesOfSpans = new WeakMap<readonly MarkSpan[], readonly MarginEntry[]>();
const marginOfMap = new WeakMap<SpanMap, ReadonlyMap<string, readonly MarginEntry[]>>();
function marginOf(spansByPost: SpanMap): ReadonlyMap<string, readonly MarginEntry[]> {
  const known = marginOfMap.get(spansByPost);
  if (known) return known;
  const out = new Map<string, readonly MarginEntry[]>();
  for (const [postId, spans] of spansByPost) {
    let entries = entriesOfSpans.get(spans);
    if (!entries) {
      entries = spans.map((span, i) => ({ codingId: span.id, codeId: `code-${i % 9}`, name: `Code ${i % 9}`, path: `Code ${i % 9}`, color: span.color, coderName: 'bench', quote: '', start: span.start }));
      entriesOfSpans.set(spans, entries);
    }
    out.set(postId, entries);
  }
  marginOfMap.set(spansByPost, out);
  return out;
}

/** The next frame has been produced: rAF (before paint) then a task (after it). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const noop = () => {};

/** Set once BenchApp has mounted: the state setter the coding measurement drives. */
const controller: { setSpans: ((next: SpanMap) => void) | null; spans: SpanMap } = {
  setSpans: null,
  spans: new Map(),
};

function BenchApp({ title, posts, initialSpans }: { title: string; posts: readonly Post[]; initialSpans: SpanMap }) {
  const [spansByPost, setSpansByPost] = useState<SpanMap>(initialSpans);
  // As Workspace: the focused post is state above the view, set through a stable callback.
  const [focusedPostId, setFocusedPostId] = useState<string | null>(null);
  const marginByPost = useMemo(() => (withMargin ? marginOf(spansByPost) : null), [spansByPost]);
  useLayoutEffect(() => {
    controller.setSpans = setSpansByPost;
    return () => {
      controller.setSpans = null;
    };
  }, []);
  // The app's grid (header, sidebar, main pane, codings panel) so the thread column has its real width.
  return (
    <div className="workspace">
      <header className="app-header">
        <h1 className="app-title">
          Threadmark <span className="project-name">bench · {mode}</span>
        </h1>
      </header>
      <div className="sidebar" />
      <main className="main-pane">
        {mode === 'lexical' ? (
          <ThreadView
            title={title}
            posts={posts}
            spansByPost={spansByPost}
            marginByPost={marginByPost}
            focusedPostId={focusedPostId}
            onFocusPost={setFocusedPostId}
            onMarkClick={noop}
            onOpenCodings={noop}
          />
        ) : (
          <PlainThreadList title={title} posts={posts} spansByPost={spansByPost} />
        )}
      </main>
      <aside className="codings-panel" />
    </div>
  );
}

function scroller(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-testid="thread-scroll"]');
  if (!element) throw new Error('bench: thread scroll element not found');
  return element;
}

/** Every mounted post shows its text, and the marks are there. */
function contentReady(): { ok: boolean; rows: number; marks: number } {
  const root = scroller();
  const articles = root.querySelectorAll('article.post');
  let ok = articles.length > 0;
  for (const article of articles) {
    if ((article.querySelector('.post-text')?.textContent ?? '').length === 0) ok = false;
  }
  const marks = root.querySelectorAll('mark[data-coding-ids]').length;
  return { ok: ok && marks > 0, rows: articles.length, marks };
}

let mounted: Root | null = null;

async function measureFirstFrame(title: string, posts: readonly Post[], spans: SpanMap): Promise<FirstFrameResult> {
  const container = document.getElementById('root');
  if (!container) throw new Error('bench: #root missing');
  const root = createRoot(container);
  mounted = root;
  controller.spans = spans;
  if (withMargin) marginOf(spans);

  const t0 = performance.now();
  flushSync(() => root.render(<BenchApp title={title} posts={posts} initialSpans={spans} />));
  const tCommit = performance.now();
  void document.body.offsetHeight; // force style + layout of the committed DOM
  const tLayout = performance.now();
  let frames = 0;
  let state: ReturnType<typeof contentReady>;
  do {
    await nextFrame();
    frames++;
    state = contentReady();
  } while (!state.ok && frames < 120);
  const t1 = performance.now();
  if (!state.ok) throw new Error('bench: posts never showed their text and marks');
  return {
    rowChrome: rowChrome(),
    scrollerHeight: scroller().clientHeight,
    firstFrameMs: t1 - t0,
    renderSyncMs: tCommit - t0,
    layoutMs: tLayout - tCommit,
    frames,
    rowsMounted: state.rows,
    marksInDom: state.marks,
    domElements: document.getElementsByTagName('*').length,
  };
}

function rowChrome(): string {
  const article = scroller().querySelector('article.post');
  if (!article) return '';
  const text = article.querySelector('.post-text');
  const tags = [...article.querySelectorAll('*')].filter((e) => !text?.contains(e)).map((e) => e.tagName.toLowerCase());
  const header = article.querySelector('header')?.textContent ?? '';
  return `${tags.join(' ')} | ${header}`;
}

/** The post nearest the middle of the visible part of the list. */
function visibleTargetPost(): string {
  const root = scroller();
  const view = root.getBoundingClientRect();
  const middle = view.top + view.height / 2;
  let best: { id: string; distance: number } | null = null;
  for (const article of root.querySelectorAll<HTMLElement>('article.post')) {
    const rect = article.getBoundingClientRect();
    if (rect.bottom <= view.top || rect.top >= view.bottom) continue;
    const id = article.dataset.postId;
    if (!id) continue;
    const distance = Math.abs((rect.top + rect.bottom) / 2 - middle);
    if (!best || distance < best.distance) best = { id, distance };
  }
  if (!best) throw new Error('bench: no visible post');
  return best.id;
}

async function applyCoding(posts: readonly Post[]): Promise<CodingResult> {
  const setSpans = controller.setSpans;
  if (!setSpans) throw new Error('bench: app not mounted');
  const postId = visibleTargetPost();
  const post = posts.find((p) => p.id === postId);
  if (!post) throw new Error(`bench: post ${postId} not in data`);
  const codingId = `bench-coding-${run}`;
  const start = Math.min(20, post.text.length - 1);
  const span: MarkSpan = { id: codingId, start, end: Math.min(post.text.length, start + 100), color: '#2e86ab' };
  // As the app does after a Dexie write: a new Map, only this post's array replaced.
  const next = new Map(controller.spans);
  next.set(postId, [...(controller.spans.get(postId) ?? []), span]);
  const selector = `mark[data-coding-ids~="${CSS.escape(codingId)}"]`;
  if (withMargin) marginOf(next);

  const t0 = performance.now();
  flushSync(() => setSpans(next));
  const tSync = performance.now();
  controller.spans = next;
  const inDomAfterSync = document.querySelector(selector) !== null;
  let tDom = tSync;
  if (!inDomAfterSync) {
    for (let i = 0; i < 120 && document.querySelector(selector) === null; i++) await nextFrame();
    if (document.querySelector(selector) === null) throw new Error('bench: the new coding never reached the DOM');
    tDom = performance.now();
  }
  void document.body.offsetHeight;
  await nextFrame();
  const t1 = performance.now();
  return { postId, codingId, scriptMs: tSync - t0, inDomAfterSync, toDomMs: tDom - t0, toFrameMs: t1 - t0 };
}

async function scrollSteps(steps: number, px: number): Promise<ScrollResult> {
  const root = scroller();
  const before = root.scrollTop;
  const stepsMs: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    root.scrollBy(0, px);
    await nextFrame();
    stepsMs.push(performance.now() - t0);
  }
  return {
    stepsMs,
    medianMs: median(stepsMs),
    maxMs: Math.max(...stepsMs),
    scrolledPx: root.scrollTop - before,
    rowsMounted: root.querySelectorAll('article.post').length,
  };
}

async function rerenderUnchanged(times: number): Promise<RerenderResult> {
  const stepsMs: number[] = [];
  for (let i = 0; i < times; i++) {
    const setSpans = controller.setSpans;
    if (!setSpans) throw new Error('bench: app not mounted');
    const next = new Map(controller.spans);
    const t0 = performance.now();
    flushSync(() => setSpans(next));
    stepsMs.push(performance.now() - t0);
    controller.spans = next;
    await nextFrame();
  }
  return { stepsMs, medianMs: median(stepsMs) };
}

async function focusSteps(times: number): Promise<FocusResult | null> {
  if (mode !== 'lexical') return null;
  const stepsMs: number[] = [];
  for (let i = 0; i < times; i++) {
    const article = scroller().querySelector<HTMLElement>('article.post[data-focused="true"]');
    if (!article) throw new Error('bench: no focused post');
    const event = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
    const t0 = performance.now();
    flushSync(() => article.dispatchEvent(event));
    stepsMs.push(performance.now() - t0);
    if (!event.defaultPrevented) throw new Error('bench: ThreadView ignored ArrowDown');
    await nextFrame();
  }
  return { stepsMs, medianMs: median(stepsMs) };
}

async function remount(title: string, posts: readonly Post[]): Promise<FirstFrameResult> {
  mounted?.unmount();
  mounted = null;
  await nextFrame();
  await nextFrame();
  return measureFirstFrame(title, posts, controller.spans);
}

async function main(): Promise<void> {
  let settle = () => {};
  const whenReady = new Promise<void>((resolve) => (settle = resolve));
  const api: BenchApi = {
    whenReady,
    phase: 'loading',
    mode,
    n,
    run,
    applyCoding: () => Promise.reject(new Error('bench: not ready')),
    scrollSteps: () => Promise.reject(new Error('bench: not ready')),
    rerenderUnchanged: () => Promise.reject(new Error('bench: not ready')),
    focusSteps: () => Promise.reject(new Error('bench: not ready')),
    start: () => {},
    remount: () => Promise.reject(new Error('bench: not ready')),
  };
  window.__bench = api;
  try {
    // As the app: the editor warm-up runs at start, before the thread's data is there.
    if (mode === 'lexical' && !cold) prewarmPostEditor();
    const thread = generateThread(n, seed);
    api.data = { posts: thread.posts.length, codings: thread.codingCount, depth: thread.depth };
    // Let the page settle after the data build so its garbage and tasks stay out of the timing.
    await nextFrame();
    await nextFrame();
    if (waitForStart) {
      await new Promise<void>((resolve) => {
        api.start = resolve;
        api.phase = 'generated';
      });
    }
    api.firstFrame = await measureFirstFrame(thread.title, thread.posts, thread.spansByPost);
    api.applyCoding = async () => (api.coding = await applyCoding(thread.posts));
    api.scrollSteps = async (steps, px) => (api.scroll = await scrollSteps(steps, px));
    api.rerenderUnchanged = async (times) => (api.rerender = await rerenderUnchanged(times));
    api.focusSteps = async (times) => (api.focus = await focusSteps(times));
    api.remount = async () => (api.warmFirstFrame = await remount(thread.title, thread.posts));
    api.phase = 'ready';
  } catch (error) {
    api.error = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    api.phase = 'error';
  }
  settle();
}

void main();
