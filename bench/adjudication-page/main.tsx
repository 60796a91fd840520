/**
 * Adjudication bench page. ?mode=view|plain&n=10000&run=1[&wait=1]
 *
 * Builds N disagreements (untimed), then renders the real Adjudication view (view: the
 * AdjudicationScreen with its filters, progress, virtualized listbox, the current disagreement and
 * the decision bar) or a plain React list of the same rows (plain), inside the app's workspace
 * grid, and times the first frame. `window.__adjudicationBench` lets bench/adjudication-bench.mjs
 * start the render and read the result.
 */
import '../../renderer/styles/app.css';
import '../../renderer/features/adjudication/adjudication.css';

import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

import type { Post } from '@shared/model/records';

import { NO_FILTER, type ListFilter } from '../../renderer/features/adjudication/adjudication-model';
import { AdjudicationScreen, type DetailProps } from '../../renderer/features/adjudication/AdjudicationScreen';
import { DisagreementDetail } from '../../renderer/features/adjudication/DisagreementDetail';
import { generateDisagreements, type GeneratedDisagreements } from './generate-disagreements';
import { PlainDisagreementList } from './PlainDisagreementList';

type Mode = 'view' | 'plain';

export interface AdjudicationFirstFrame {
  /** performance.now() from flushSync(root.render) to rAF + setTimeout after commit, rows in the DOM. */
  firstFrameMs: number;
  renderSyncMs: number;
  frames: number;
  rowsMounted: number;
  domElements: number;
  /** Height of the scrolling list: both modes must show the same number of rows. */
  listHeight: number;
  /** Height of the list's head (filters, progress, buttons) and foot (keys): the plain mode leaves the same space. */
  headHeight: number;
  footHeight: number;
}

export interface AdjudicationBenchApi {
  phase: 'loading' | 'generated' | 'ready' | 'error';
  mode: Mode;
  n: number;
  error?: string;
  data?: { disagreements: number; posts: number };
  firstFrame?: AdjudicationFirstFrame;
  start: () => void;
  whenReady: Promise<void>;
}

declare global {
  interface Window {
    __adjudicationBench?: AdjudicationBenchApi;
  }
}

const params = new URLSearchParams(window.location.search);
const mode: Mode = params.get('mode') === 'plain' ? 'plain' : 'view';
const n = Math.max(1, Number.parseInt(params.get('n') ?? '10000', 10) || 10000);
const waitForStart = params.get('wait') === '1';

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const NO_POSTS: Post[] = [];
const noop = () => {};
const decided = () => Promise.resolve(true);
const proposed = () => Promise.resolve();

/** The app's detail with what the live one reads (no context chain, no consensus yet). */
function StaticDetail(props: DetailProps) {
  return <DisagreementDetail {...props} ancestors={NO_POSTS} consensus={[]} />;
}

function BenchApp({ data }: { data: GeneratedDisagreements }) {
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const codesById = new Map(data.codes.map((c) => [c.id, c]));
  return (
    <div className="workspace">
      <header className="app-header">
        <h1 className="app-title">
          Threadmark <span className="project-name">adjudication bench · {mode}</span>
        </h1>
      </header>
      <main className="adjudication-pane">
        {mode === 'view' ? (
          <AdjudicationScreen
            disagreements={data.disagreements}
            filter={filter}
            onFilterChange={setFilter}
            rounds={[]}
            codes={data.codes}
            postsById={data.posts}
            Detail={StaticDetail}
            decide={decided}
            proposeMajority={proposed}
            exportConsensus={noop}
            announce={noop}
          />
        ) : (
          // The same pane and list box sizes as the view, so both lists show the same rows.
          <div className="adjudication-view">
            <section className="adjudication-list-pane">
              <div className="adjudication-list-head" style={{ height: spaceOf('head') }} />
              <PlainDisagreementList rows={data.disagreements} codesById={codesById} postsById={data.posts} />
              <div style={{ height: spaceOf('foot'), flex: 'none' }} />
            </section>
            <section className="adjudication-detail" />
          </div>
        )}
      </main>
    </div>
  );
}

/**
 * The space the view's list head (filters, progress, buttons) and foot (the keys) take, measured by
 * the driver on a view page first (?head=&foot=), so the plain list is as tall as the view's.
 */
function spaceOf(part: 'head' | 'foot'): number {
  return Number.parseFloat(params.get(part) ?? '0') || 0;
}

function listElement(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-testid="adjudication-list"]');
  if (!element) throw new Error('bench: list not found');
  return element;
}

async function measureFirstFrame(data: GeneratedDisagreements): Promise<AdjudicationFirstFrame> {
  const container = document.getElementById('root');
  if (!container) throw new Error('bench: #root missing');
  const root = createRoot(container);
  const t0 = performance.now();
  flushSync(() => root.render(<BenchApp data={data} />));
  const tCommit = performance.now();
  void document.body.offsetHeight;
  let frames = 0;
  let rows: number;
  do {
    await nextFrame();
    frames++;
    rows = listElement().querySelectorAll('.adjudication-row').length;
    // The view's first frame shows the current disagreement too (its post, each coder's spans).
    if (mode === 'view' && document.querySelector('.adjudication-post .adjudication-text') === null) rows = 0;
  } while (rows === 0 && frames < 120);
  const t1 = performance.now();
  if (rows === 0) throw new Error('bench: no rows rendered');
  return {
    firstFrameMs: t1 - t0,
    renderSyncMs: tCommit - t0,
    frames,
    rowsMounted: rows,
    domElements: document.getElementsByTagName('*').length,
    listHeight: listElement().clientHeight,
    headHeight: document.querySelector('.adjudication-list-head')?.getBoundingClientRect().height ?? 0,
    footHeight: document.querySelector('.key-legend')?.getBoundingClientRect().height ?? 0,
  };
}

async function main(): Promise<void> {
  let settle = () => {};
  const whenReady = new Promise<void>((resolve) => (settle = resolve));
  const api: AdjudicationBenchApi = { phase: 'loading', mode, n, start: () => {}, whenReady };
  window.__adjudicationBench = api;
  try {
    const data = generateDisagreements(n, 20240611);
    api.data = { disagreements: data.disagreements.length, posts: data.posts.size };
    await nextFrame();
    await nextFrame();
    if (waitForStart) {
      await new Promise<void>((resolve) => {
        api.start = resolve;
        api.phase = 'generated';
      });
    }
    api.firstFrame = await measureFirstFrame(data);
    api.phase = 'ready';
  } catch (error) {
    api.error = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    api.phase = 'error';
  }
  settle();
}

void main();
