// `npm run bench`: the real Lexical ThreadView against a plain React list of the same 10,000-post
// thread in headless Chromium. Builds bench/page with Vite, serves it on 127.0.0.1, runs each mode
// in a fresh page per run (modes interleaved), prints a table and writes bench/results/latest.json.
// Budgets are reported, never enforced: the exit code is non-zero only if the bench itself breaks.
// Then the agreement bench (bench/agreement.ts, built by bench/agreement.vite.config.ts) runs in a
// child Node process and prints its own table. Last, the import bench (bench/import-bench.mjs,
// page bench/import-page built by bench/import.vite.config.ts) imports a generated 100,000-post
// Reddit dump and the same posts as CSV through the app's import Worker, against raw IndexedDB;
// after each import the Search tab's Worker builds the search index of the same posts, timed
// against the import's write (issue 11's "≤ 1.0× the import's own write time").
// The adjudication bench (bench/adjudication-bench.mjs, page bench/adjudication-page) times the
// Adjudication view's first frame with N disagreements against a plain list of the same rows.
// The disagreements bench (bench/disagreements.ts, built by bench/disagreements.vite.config.ts)
// times the core's listDisagreements on 10,000 disagreements in Node against plain rows.
//
//   npm run bench                     5 runs per mode, N = 10,000; then the agreement bench (3 runs)
//                                     and the import bench (3 runs per format, 100,000 posts)
//   npm run bench -- --runs 3 --n 2000
//   npm run bench -- --only thread    only the browser bench (--only agreement|import: only that bench)
//   npm run bench -- --only import --import-n 20000 --runs 1
//   npm run bench -- --only adjudication            (5 runs per mode, N = 10,000 disagreements)
//   npm run bench -- --only disagreements           (the core query only, 5 runs)
//   npm run bench -- --only team                    (bench/team.ts: merging coder files, drawing a sample)
//   npm run bench -- --only sync                    (bench/sync.ts: first team sync of 100,000 posts vs importing the bundle)
//   npm run bench -- --only sync-browser            (bench/sync-browser.ts: the app in Chromium: a coding on another screen, a lead following 20 layers)
//   npm run bench -- --only tables                  (bench/tables.ts: co-occurrence and code × month, 1,000,000 posts)
//   npm run bench -- --only search                  (bench/search.ts: the corpus search index, 1,000,000 posts)
//   npm run bench -- --only segments                (bench/segments.ts: the first rows of 50,000 segments vs a plain list)
//   npm run bench -- --only exports                 (bench/exports.ts: XLSX and Parquet of 200,000 codings vs the CSV)
//   npm run bench -- --only qdpx                    (bench/qdpx.ts: a 100,000-post project as .qdpx vs its bundle JSON)
//   npm run bench -- --only agree-units             (bench/agree-units.ts: agree --units on 1,000,000 × 5 vs NLTK's alpha())
//   npm run bench -- --only bundle-stream           (bench/bundle-stream.ts: streamed bundle write/read vs one string, 100,000 posts)
//   npm run bench -- --only scale                   (bench/scale.ts: 10k/100k/1M-post projects, growth per size → bench/results/scale.json)
//   npm run bench -- --only attributes              (bench/attributes.ts: every author's and thread's attributes, 1,000,000 posts)
//   npm run bench -- --only limits                  (bench/limits.ts: issue 14's hostile sizes refused, the duplicate-key pass vs a bundle read)
//   npm run bench -- --only backup                  (bench/backup.ts: one verified gzip backup of 100,000 posts vs its export)
//   npm run bench -- --only backup-wait             (bench/backup-wait.ts: the longest coding wait during a backup's read, 100,000 posts)
//   npm run bench -- --only post-meta               (bench/post-meta.ts: code × author and the Attributes tab from the post facts vs the post pages, 100k and 1M posts)

/* global window -- only inside page.evaluate/waitForFunction callbacks, which run in the page */

import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { chromium } from '@playwright/test';

import { quantiles } from './quantiles.mjs';

import { adjudicationBench } from './adjudication-bench.mjs';
import { importBench } from './import-bench.mjs';
import { scaleBrowserBench } from './scale-browser.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(REPO, 'out', 'bench');
const RESULTS_FILE = join(REPO, 'bench', 'results', 'latest.json');

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const VIEWPORT = { width: 1280, height: 800 };
const SCROLL = { steps: 20, px: 700 };
const RERENDERS = 20;
const FOCUS_STEPS = 10;
const MODES = /** @type {const} */ (['lexical', 'plain']);
const LABEL = { lexical: 'Lexical ThreadView', plain: 'plain React list' };
const BUDGET = { firstFrameRatio: 1.5, codingScriptMs: 16 };

const ONLY = ['thread', 'import', 'adjudication', 'agreement', 'disagreements', 'team', 'tables', 'search', 'segments', 'exports', 'qdpx', 'attributes', 'agree-units', 'limits', 'bundle-stream', 'backup', 'backup-wait', 'scale', 'scale-browser', 'sync', 'sync-browser', 'post-meta'];

function parseArgs(argv) {
  const options = { runs: 5, n: 10_000, importN: 100_000, only: null, runsGiven: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = Number.parseInt(argv[i + 1] ?? '', 10);
    if ((arg === '--runs' || arg === '--n') && Number.isFinite(value) && value > 0) {
      options[arg.slice(2)] = value;
      if (arg === '--runs') options.runsGiven = true;
      i++;
    } else if (arg === '--import-n' && Number.isFinite(value) && value > 1) {
      options.importN = value;
      i++;
    } else if (arg === '--only' && ONLY.includes(argv[i + 1])) {
      options.only = argv[++i];
    } else {
      throw new Error(`bench: unknown or invalid argument ${arg} (use --runs N, --n N, --import-n N, --only ${ONLY.join('|')})`);
    }
  }
  return options;
}

function build() {
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`bench: vite build failed (exit ${result.status ?? result.signal})`);
  return Date.now() - started;
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A tiny static server for out/bench on 127.0.0.1 and a free port (or `port`: a kept profile's IndexedDB is per origin). */
async function serve(dir, port = 0) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      const file = normalize(join(dir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench: server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { jsHeapUsedBytes: get('JSHeapUsedSize'), domNodes: get('Nodes'), jsEventListeners: get('JSEventListeners') };
}

const CPU_METRICS = ['ThreadTime', 'TaskDuration', 'ScriptDuration', 'V8CompileDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount'];

/** Renderer main-thread counters (CDP Performance.getMetrics); durations in ms. */
async function cpuCounters(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    CPU_METRICS.map((name) => {
      const value = metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      return [name, name.endsWith('Count') ? value : value * 1000];
    }),
  );
}

function delta(after, before) {
  return Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]]));
}

/**
 * One mode, one fresh page: GC, first frame (+ CPU counters), heap, one coding, 20 scroll steps,
 * heap again, 20 unchanged re-renders, a warm remount (+ CPU counters), 10 ArrowDown focus moves.
 */
async function measure(browser, origin, mode, n, run, extraQuery = '') {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/index.html?mode=${mode}&n=${n}&run=${run}&wait=1${extraQuery}`);
    // The page has built the data (untimed) and waits: collect its garbage so no GC of the data
    // build lands inside the first frame, then start the render without polling the page.
    await page.waitForFunction(() => window.__bench?.phase !== 'loading', null, { timeout: 120_000, polling: 50 });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(200);
    const countersBefore = await cpuCounters(cdp);
    const loaded = await page.evaluate(async () => {
      const bench = window.__bench;
      bench.start();
      await bench.whenReady;
      return { phase: bench.phase, error: bench.error, data: bench.data, firstFrame: bench.firstFrame };
    });
    // Main-thread CPU of the first-frame window: less sensitive to other load than wall time.
    const firstFrameCpu = delta(await cpuCounters(cdp), countersBefore);
    if (loaded.phase !== 'ready') throw new Error(`bench page (${mode}, run ${run}) failed: ${loaded.error}`);

    await sleep(500); // ResizeObserver re-measures and the virtualizer settles
    const heapLoaded = await heapAfterGc(cdp);
    await sleep(200);
    const coding = await page.evaluate(() => window.__bench.applyCoding());
    await sleep(300);
    const scroll = await page.evaluate(({ steps, px }) => window.__bench.scrollSteps(steps, px), SCROLL);
    await sleep(500);
    const heapScrolled = await heapAfterGc(cdp);
    const rerender = await page.evaluate((times) => window.__bench.rerenderUnchanged(times), RERENDERS);
    await sleep(300);
    const warmBefore = await cpuCounters(cdp);
    const warmFirstFrame = await page.evaluate(() => window.__bench.remount());
    const warmFirstFrameCpu = delta(await cpuCounters(cdp), warmBefore);
    await sleep(300);
    const focus = await page.evaluate((times) => window.__bench.focusSteps(times), FOCUS_STEPS);
    return {
      mode,
      run,
      data: loaded.data,
      firstFrame: loaded.firstFrame,
      firstFrameCpu,
      coding,
      scroll,
      heapLoaded,
      heapScrolled,
      rerender,
      warmFirstFrame,
      warmFirstFrameCpu,
      focus,
      problems,
    };
  } finally {
    await context.close();
  }
}

/** The metrics reported per mode: [key, label, unit, pick(run)]. */
const METRICS = [
  ['firstFrameMs', 'first frame', 'ms', (r) => r.firstFrame.firstFrameMs],
  ['renderSyncMs', '  of which render+commit (sync)', 'ms', (r) => r.firstFrame.renderSyncMs],
  ['firstFrameCpuMs', '  main-thread CPU (CDP ThreadTime)', 'ms', (r) => r.firstFrameCpu.ThreadTime],
  ['firstFrameLayouts', '  layouts (CDP LayoutCount)', '', (r) => r.firstFrameCpu.LayoutCount],
  ['firstFrameLayoutMs', '  layout time (CDP LayoutDuration)', 'ms', (r) => r.firstFrameCpu.LayoutDuration],
  ['warmFirstFrameMs', 'first frame again, warm page (remount)', 'ms', (r) => r.warmFirstFrame.firstFrameMs],
  ['warmFirstFrameCpuMs', '  main-thread CPU (incl. unmount)', 'ms', (r) => r.warmFirstFrameCpu.ThreadTime],
  ['codingToFrameMs', 'coding → in DOM + frame', 'ms', (r) => r.coding.toFrameMs],
  ['codingScriptMs', 'coding scripting (flushSync)', 'ms', (r) => r.coding.scriptMs],
  ['rerenderUnchangedMs', 're-render, no span changed (median 20)', 'ms', (r) => r.rerender.medianMs],
  ['focusStepMs', 'focus move, ArrowDown (median 10)', 'ms', (r) => r.focus?.medianMs ?? Number.NaN],
  ['scrollStepMedianMs', 'scroll step, median of 20', 'ms', (r) => r.scroll.medianMs],
  ['scrollStepMaxMs', 'scroll step, max of 20', 'ms', (r) => r.scroll.maxMs],
  ['jsHeapLoadedMB', 'JS heap after GC, loaded', 'MB', (r) => r.heapLoaded.jsHeapUsedBytes / 2 ** 20],
  ['jsHeapScrolledMB', 'JS heap after GC, after scroll', 'MB', (r) => r.heapScrolled.jsHeapUsedBytes / 2 ** 20],
  ['rowsMounted', 'rows mounted at first frame', '', (r) => r.firstFrame.rowsMounted],
  ['domElements', 'DOM elements at first frame', '', (r) => r.firstFrame.domElements],
  ['domNodesScrolled', 'DOM nodes after scroll+GC (CDP)', '', (r) => r.heapScrolled.domNodes],
  ['listenersScrolled', 'JS event listeners after scroll+GC', '', (r) => r.heapScrolled.jsEventListeners],
];

function summarize(results) {
  const summary = {};
  for (const mode of MODES) {
    const runs = results.filter((r) => r.mode === mode);
    summary[mode] = Object.fromEntries(METRICS.map(([key, , , pick]) => [key, quantiles(runs.map(pick))]));
  }
  return summary;
}

function fmt(value, unit) {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'MB') return value.toFixed(1);
  if (unit === 'ms') return value < 10 ? value.toFixed(1) : Math.round(value).toString();
  return Math.round(value).toLocaleString('en-US');
}

function cell(q, unit) {
  if (!Number.isFinite(q.median)) return 'n/a';
  const suffix = unit ? ` ${unit}` : '';
  return `${fmt(q.median, unit)}${suffix} (${fmt(q.min, unit)}–${fmt(q.max, unit)})`;
}

function printTable(summary, budgets, meta) {
  const header = ['metric (median of runs, min–max)', LABEL.lexical, LABEL.plain, 'ratio', 'budget', 'met'];
  const rows = METRICS.map(([key, label, unit]) => {
    const lex = summary.lexical[key];
    const plain = summary.plain[key];
    const ratio = lex.median / plain.median;
    const budget = budgets.find((b) => b.metric === key);
    return [
      label,
      cell(lex, unit),
      cell(plain, unit),
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–',
      budget ? budget.rule : '',
      budget ? (budget.met ? 'yes' : 'NO') : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  console.log('');
  console.log(
    `Threadmark bench: ${meta.n.toLocaleString('en-US')} posts, ${meta.codings.toLocaleString('en-US')} codings ` +
      `(reply depth median ${meta.depth.median}, p90 ${meta.depth.p90}, max ${meta.depth.max}), ` +
      `${meta.runs} fresh pages per mode, ${meta.browser}, ${VIEWPORT.width}×${VIEWPORT.height}`,
  );
  console.log('');
  console.log(line(header));
  console.log(rule);
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log('Budgets (reported, not enforced):');
  for (const b of budgets) console.log(`  ${b.met ? 'met    ' : 'NOT MET'}  ${b.description}: ${b.detail}`);
}

/**
 * The benches that run in Node: each bench/<name>.ts is built by bench/<name>.vite.config.ts into
 * out/bench-<name>/<name>.mjs and run in a child process (--expose-gc lets it collect garbage between
 * phases). Their budgets are reported like the thread bench's; only a crash makes the exit non-zero.
 * `--runs`, when given, applies to each; otherwise each bench keeps its own default.
 */
const NODE_BENCHES = {
  agreement: {},
  disagreements: {},
  team: {},
  tables: {},
  // 1 M posts, their index and a bundle-sized baseline: more than Node's default old space.
  search: { nodeArgs: ['--max-old-space-size=6144'] },
  segments: {},
  exports: {},
  qdpx: {},
  attributes: {},
  // `threadmark agree --units` end to end against NLTK, each in its own process.
  'agree-units': {},
  // Issue 14's hostile inputs at full size (a 600 MB CSV field, 2.5 M codes), each refused.
  limits: {},
  // Bundle export/import streamed vs JSON.stringify/JSON.parse + validation, each run in its own process.
  'bundle-stream': {},
  // 10k / 100k / 1M posts: bundle export/import, segments CSV, agreement, peak memory (minutes; not CI).
  scale: { nodeArgs: ['--max-old-space-size=4096'] },
  // Issue 14's backups: serialize, gzip, read back and validate, against the export alone.
  backup: {},
  // Issue 15: the longest a coding waits while a backup reads the project, one read transaction vs pieces (fake-indexeddb).
  'backup-wait': {},
  // Issue 15: the post facts table (migration 0010) against reading the post pages, 100k and 1M posts, the Dexie adapter in Node.
  'post-meta': { nodeArgs: ['--max-old-space-size=12288'] },
  // Issue 16: first sync of a 100,000-post project (push, pull) against pouchdb-server, vs importing the bundle.
  sync: { nodeArgs: ['--max-old-space-size=4096'] },
  // Issue 16 in Chromium: a coding seen on another machine (≤ 2 s); the lead's coding CPU while following 20 layers (< 16 ms).
  'sync-browser': {},
};

function nodeBench(name, options) {
  console.log('');
  console.log(`bench: building bench/${name}.ts (vite) …`);
  const built = spawnSync('npx', ['vite', 'build', '--config', `bench/${name}.vite.config.ts`], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error(`bench: ${name} build failed (exit ${built.status ?? built.signal})`);
  const args = ['--expose-gc', ...(NODE_BENCHES[name].nodeArgs ?? []), join(REPO, 'out', `bench-${name}`, `${name}.mjs`)];
  if (options.runsGiven) args.push('--runs', String(options.runs));
  const result = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`bench: ${name} bench failed (exit ${result.status ?? result.signal})`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const runs = (name) => options.only === null || options.only === name;
  if (runs('thread')) await threadBench(options);
  for (const name of Object.keys(NODE_BENCHES)) if (runs(name)) nodeBench(name, options);
  if (runs('import')) await importBench(options, { repo: REPO, serve, chromiumFlags: CHROMIUM_FLAGS, resultsFile: RESULTS_FILE });
  if (runs('adjudication')) await adjudicationBench(options, { repo: REPO, serve, chromiumFlags: CHROMIUM_FLAGS, resultsFile: RESULTS_FILE });
  // The scale bench's Chromium half, after its Node half (which writes scale.json first); alone with --only scale-browser.
  if (runs('scale') || options.only === 'scale-browser') await scaleBrowserBench(options, { repo: REPO, serve, chromiumFlags: CHROMIUM_FLAGS });
}

async function threadBench(options) {
  const loadBefore = os.loadavg();
  console.log(`bench: building bench/page (vite) …`);
  const buildMs = build();
  const { server, origin } = await serve(OUT_DIR);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
    const browserVersion = `Chromium ${browser.version()}`;
    console.log(`bench: built in ${(buildMs / 1000).toFixed(1)} s; ${browserVersion}; serving ${origin}`);
    const results = [];
    const coldFirstFrames = [];
    const marginRuns = [];
    for (let run = 1; run <= options.runs; run++) {
      // Interleave and alternate the order so drifting machine load hits both modes alike.
      const order = run % 2 === 1 ? MODES : [...MODES].reverse();
      for (const mode of order) {
        const result = await measure(browser, origin, mode, options.n, run);
        results.push(result);
        console.log(
          `  run ${run} ${mode.padEnd(7)} first frame ${fmt(result.firstFrame.firstFrameMs, 'ms')} ms, ` +
            `coding ${fmt(result.coding.scriptMs, 'ms')} ms script / ${fmt(result.coding.toFrameMs, 'ms')} ms to frame, ` +
            `scroll ${fmt(result.scroll.medianMs, 'ms')} ms, heap ${fmt(result.heapLoaded.jsHeapUsedBytes / 2 ** 20, 'MB')} MB` +
            (result.problems.length ? `, ${result.problems.length} console problem(s)` : ''),
        );
      }
      // For comparison only (no budget), interleaved like the rest: the first frame without the
      // editor warm-up the app does at start (renderer/editor/prewarm-post-editor.tsx).
      const cold = await measure(browser, origin, 'lexical', options.n, run, '&cold=1');
      coldFirstFrames.push(cold.firstFrame.firstFrameMs);
      console.log(`  run ${run} lexical without warm-up: first frame ${fmt(cold.firstFrame.firstFrameMs, 'ms')} ms`);
      // For comparison only: the view with the code margin on, as the app shows it by default.
      const margin = await measure(browser, origin, 'lexical', options.n, run, '&margin=1');
      marginRuns.push(margin);
      console.log(`  run ${run} lexical with the code margin: first frame ${fmt(margin.firstFrame.firstFrameMs, 'ms')} ms, coding ${fmt(margin.coding.scriptMs, 'ms')} ms script / ${fmt(margin.coding.toFrameMs, 'ms')} ms to frame`);
    }

    const summary = summarize(results);
    const firstFrameRatio = summary.lexical.firstFrameMs.median / summary.plain.firstFrameMs.median;
    const codingScript = summary.lexical.codingScriptMs;
    const budgets = [
      {
        metric: 'firstFrameMs',
        rule: `≤ ${BUDGET.firstFrameRatio}× plain`,
        description: `first frame ≤ ${BUDGET.firstFrameRatio}× the plain list`,
        detail:
          `${fmt(summary.lexical.firstFrameMs.median, 'ms')} ms vs ${fmt(summary.plain.firstFrameMs.median, 'ms')} ms = ${firstFrameRatio.toFixed(2)}× ` +
          `(main-thread CPU: ${(summary.lexical.firstFrameCpuMs.median / summary.plain.firstFrameCpuMs.median).toFixed(2)}×)`,
        met: firstFrameRatio <= BUDGET.firstFrameRatio,
      },
      {
        metric: 'codingScriptMs',
        rule: `≤ ${BUDGET.codingScriptMs} ms`,
        description: `a coding shows within one frame (≤ ${BUDGET.codingScriptMs} ms of scripting)`,
        detail: `median ${fmt(codingScript.median, 'ms')} ms, worst run ${fmt(codingScript.max, 'ms')} ms`,
        met: codingScript.median <= BUDGET.codingScriptMs,
      },
    ];
    const first = results[0];
    const meta = {
      n: first.data.posts,
      codings: first.data.codings,
      depth: first.data.depth,
      runs: options.runs,
      browser: browserVersion,
    };
    printTable(summary, budgets, meta);
    const cold = quantiles(coldFirstFrames);
    console.log(
      `  (without the app's start-up editor warm-up the first frame is ${fmt(cold.median, 'ms')} ms (${fmt(cold.min, 'ms')}–${fmt(cold.max, 'ms')}) = ` +
        `${(cold.median / summary.plain.firstFrameMs.median).toFixed(2)}× the plain list)`,
    );
    const marginFirst = quantiles(marginRuns.map((r) => r.firstFrame.firstFrameMs));
    const marginCoding = quantiles(marginRuns.map((r) => r.coding.scriptMs));
    const marginToFrame = quantiles(marginRuns.map((r) => r.coding.toFrameMs));
    const lexicalToFrame = quantiles(results.filter((r) => r.mode === 'lexical').map((r) => r.coding.toFrameMs));
    console.log(
      `  (with the code margin, the app's default, the first frame is ${fmt(marginFirst.median, 'ms')} ms = ` +
        `${(marginFirst.median / summary.lexical.firstFrameMs.median).toFixed(2)}× without it and ${(marginFirst.median / summary.plain.firstFrameMs.median).toFixed(2)}× the plain list; ` +
        `a coding ${fmt(marginCoding.median, 'ms')} ms of scripting = ${(marginCoding.median / summary.lexical.codingScriptMs.median).toFixed(2)}× without it, ` +
        `${fmt(marginToFrame.median, 'ms')} ms to its frame = ${(marginToFrame.median / lexicalToFrame.median).toFixed(2)}× without it)`,
    );

    const problems = results.flatMap((r) => r.problems.map((p) => `${r.mode} run ${r.run}: ${p}`));
    if (problems.length > 0) {
      console.log('');
      console.log(`Console problems in the bench pages (${problems.length}):`);
      for (const p of [...new Set(problems)].slice(0, 10)) console.log(`  ${p}`);
    }
    const firstOf = (m) => results.find((r) => r.mode === m)?.firstFrame;
    if (firstOf('lexical')?.rowChrome !== firstOf('plain')?.rowChrome) {
      console.log('');
      console.log('WARNING: the plain rows no longer match PostRow outside the post text; update bench/page/PlainThreadList.tsx.');
      console.log(`  lexical: ${firstOf('lexical')?.rowChrome}`);
      console.log(`  plain:   ${firstOf('plain')?.rowChrome}`);
    }
    if (firstOf('lexical')?.scrollerHeight !== firstOf('plain')?.scrollerHeight) {
      console.log('');
      console.log(
        `WARNING: the lists have different heights (ThreadView ${firstOf('lexical')?.scrollerHeight} px, plain ${firstOf('plain')?.scrollerHeight} px); ` +
          'ThreadView has gained chrome around the list that bench/page/PlainThreadList.tsx lacks.',
      );
    }
    const lexicalCoding = results.filter((r) => r.mode === 'lexical').map((r) => r.coding);
    if (lexicalCoding.some((c) => !c.inDomAfterSync)) {
      console.log('Note: in some Lexical runs the new <mark> was not in the DOM when flushSync returned.');
    }

    const loadAfter = os.loadavg();
    console.log('');
    console.log(
      `Machine: ${os.cpus().length} CPU(s), load average ${loadBefore[0].toFixed(2)} before / ${loadAfter[0].toFixed(2)} after. ` +
        `Results: ${RESULTS_FILE.slice(REPO.length)}`,
    );

    await mkdir(join(REPO, 'bench', 'results'), { recursive: true });
    await writeFile(
      RESULTS_FILE,
      `${JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          environment: {
            browser: browserVersion,
            node: process.version,
            platform: `${os.platform()} ${os.release()}`,
            cpus: os.cpus().length,
            loadAverageBefore: loadBefore,
            loadAverageAfter: loadAfter,
            chromiumFlags: CHROMIUM_FLAGS,
            viewport: VIEWPORT,
          },
          config: { n: options.n, runsPerMode: options.runs, scroll: SCROLL, budgets: BUDGET },
          data: first.data,
          coldFirstFrameMs: cold,
          methodology: {
            firstFrameCpu: 'CDP Performance.getMetrics deltas (ThreadTime, V8CompileDuration, LayoutCount, …) around the page.evaluate that starts the render and awaits the first frame',
            firstFrame: 'performance.now() from flushSync(root.render) to rAF + setTimeout(0) after commit and a forced layout, once every mounted post shows its text and marks',
            coding: 'one new span on the post nearest the middle of the viewport: new Map with that post array replaced; scriptMs = performance.now() around flushSync(setState); toFrameMs = until the <mark> is in the DOM, layout forced, rAF + setTimeout(0)',
            scroll: `${SCROLL.steps} steps of scrollBy(0, ${SCROLL.px}) on the thread scroller, each followed by rAF + setTimeout(0)`,
            rerenderUnchanged: `${RERENDERS} × flushSync(setState(new Map(same arrays))): the view's own per-render cost with no post changed`,
            focusStep: `${FOCUS_STEPS} × flushSync(dispatch keydown ArrowDown on the focused post) after the remount; ThreadView only (the plain list has no keyboard model)`,
            lexicalWarmUp: 'lexical pages warm one post editor at start, as the app does while its database opens (renderer/editor/prewarm-post-editor.tsx); coldFirstFrameMs is the same first frame without it (cold=1)',
            warmFirstFrame: 'after the heap/scroll measurements: unmount, two frames, then the first-frame measurement again in the same (JIT-warm) page',
            heap: 'CDP HeapProfiler.collectGarbage (twice) then Performance.getMetrics JSHeapUsedSize; once after load (+500 ms), once after the scroll',
          },
          budgets,
          summary,
          runs: results,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
