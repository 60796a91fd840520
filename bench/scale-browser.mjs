// The scale bench's Chromium half (issue 15), run by bench/run.mjs after the Node half (`--only scale`,
// or `--only scale-browser` alone): for projects of 10,000, 100,000 and 1,000,000 posts
// (bench/scale-project.ts, written straight into IndexedDB by bench/scale-page, untimed), in fresh
// browsers over one on-disk profile per size:
//   - open the project: the real <App/> booting, opening the last project, to the first frame that
//     shows the thread list (budget ≤ 1 s at 1M and ≤ 1.5× the 10k figure);
//   - open the largest thread: click → first frame with its posts, against the same posts and
//     codings read through post-store and rendered as a plain React list in the same page (≤ 1.1×);
//   - scroll the largest thread (both), apply a coding (click a code with a selection → the mark on
//     screen; ≤ 16 ms of main-thread CPU, median), one search through the Search tab's Worker;
//   - peak memory: renderer and browser process RSS (VmHWM), JS heap of the page and its Workers.
// Prints each figure beside its baseline and each cost's growth between sizes, and merges a
// `browser` section into bench/results/scale.json. Minutes at 1,000,000 posts; never in CI.
// BENCH_SCALE_SIZES=10000,100000 limits the sizes; BENCH_SCALE_OUT builds the page elsewhere;
// BENCH_SCALE_KEEP=1 keeps the generated profiles (in the OS temp dir) for the next run, which finds
// them only at the same origin: BENCH_SCALE_PORT fixes the port.
// BENCH_SCALE_CPUPROFILE=<dir> / BENCH_SCALE_TRACE=<dir>: a .cpuprofile / a DevTools trace of each coding
// (the trace also prints the main thread's time by event: layout, pre-paint, paint per frame).

/* global window -- only inside page.evaluate callbacks, which run in the page */

import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from '@playwright/test';

import { browserProcesses, HeapSampler, readPeaks, resetPeaks } from './import-bench.mjs';
import { quantiles } from './quantiles.mjs';

const SIZES = [10_000, 100_000, 1_000_000];
const BUDGET = { openMs: 1000, openRatio: 1.5, threadRatio: 1.1, codingCpuMs: 16 };
const VIEWPORT = { width: 1280, height: 800 };
const SCROLL = { steps: 20, px: 700 };
const CODINGS = 7;
const QUERY = 'evidence families';
const MB = 2 ** 20;

/**
 * @param {{ runs: number, runsGiven: boolean }} options
 * @param {{ repo: string, serve: (dir: string, port?: number) => Promise<{ server: import('node:http').Server, origin: string }>, chromiumFlags: string[] }} env
 */
export async function scaleBrowserBench(options, env) {
  const sizes = process.env.BENCH_SCALE_SIZES ? process.env.BENCH_SCALE_SIZES.split(',').map(Number) : SIZES;
  const runs = options.runsGiven ? options.runs : 3;
  const outDir = process.env.BENCH_SCALE_OUT ?? join(env.repo, 'out', 'bench-scale-page');
  const loadBefore = os.loadavg();
  console.log('');
  console.log('bench: building bench/scale-page (vite) …');
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/scale-page.vite.config.ts'], { cwd: env.repo, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BENCH_SCALE_OUT: outDir } });
  if (built.status !== 0) throw new Error(`bench: scale page build failed (exit ${built.status ?? built.signal})`);
  const { server, origin } = await env.serve(outDir, Number(process.env.BENCH_SCALE_PORT ?? 0));
  let browserVersion = 'Chromium';
  const results = [];
  try {
    for (const n of sizes) {
      const profile = join(os.tmpdir(), `threadmark-scale-bench-${process.env.BENCH_SCALE_PORT ?? 0}-${n}`);
      const generated = await generate(origin, env.chromiumFlags, profile, n);
      console.log(
        `  ${n.toLocaleString('en-US')} posts: ${generated.generated ? `generated into IndexedDB in ${seconds(generated.ms)} s, search index ${seconds(generated.indexMs)} s` : 'profile kept from an earlier run'}; ` +
          `${generated.codings.toLocaleString('en-US')} codings, profile ${Math.round((await du(profile)) / MB).toLocaleString('en-US')} MB`,
      );
      const perRun = [];
      for (let run = 1; run <= runs; run++) {
        const result = await measure(origin, env.chromiumFlags, profile, n, run);
        browserVersion = result.browser;
        perRun.push(result);
        console.log(
          `    run ${run}: open ${ms(result.open.threadListMs)} ms (first thread ${ms(result.open.firstThreadMs)} ms), ` +
            `largest thread ${ms(result.thread.ms)} ms (whole ${ms(result.thread.completeMs)} ms) vs plain ${ms(result.plain.ms)} ms, scroll ${ms(median(result.scroll.app))} vs ${ms(median(result.scroll.plain))} ms/step, ` +
            `coding ${ms(median(result.coding.map((c) => c.cpuMs)))} ms CPU / ${ms(median(result.coding.map((c) => c.ms)))} ms to frame, ` +
            `search ${result.search.error ? `FAILED (${result.search.error})` : `${ms(result.search.searchMs)} ms (${result.search.posts} posts)`}, renderer peak ${mb(result.memory.rendererPeakBytes)} MB, browser ${mb(result.memory.browserPeakBytes)} MB` +
            (result.problems.length ? `, ${result.problems.length} console problem(s)` : ''),
        );
      }
      results.push(summarize(n, generated, perRun));
      if (process.env.BENCH_SCALE_KEEP !== '1') await rm(profile, { recursive: true, force: true });
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }

  const base = results.find((r) => r.posts === 10_000) ?? results[0];
  const budgets = budgetsOf(results, base);
  printTable(results, base, budgets, { runs, browser: browserVersion });
  const growth = growthOf(results);
  for (const g of growth) console.log(`  growth ${g.from.toLocaleString('en-US')} → ${g.to.toLocaleString('en-US')} (exponent, 1.0 = linear): ${Object.entries(g.exponents).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const r of results) for (const e of new Set(r.searchErrors)) console.log(`  search FAILED at ${r.posts.toLocaleString('en-US')} posts: ${e}`);
  for (const r of results) for (const e of new Set(r.codingFailures)) console.log(`  coding FAILED at ${r.posts.toLocaleString('en-US')} posts: ${e}`);
  for (const r of results) for (const a of r.announced) console.log(`  announced at ${r.posts.toLocaleString('en-US')} posts: ${a}`);
  const problems = results.flatMap((r) => r.problems);
  for (const p of [...new Set(problems)].slice(0, 10)) console.log(`  console: ${p}`);
  const loadAfter = os.loadavg();
  const file = join(env.repo, 'bench', 'results', 'scale.json');
  console.log(`Machine: ${os.cpus().length} CPU(s), load average ${loadBefore[0].toFixed(2)} before / ${loadAfter[0].toFixed(2)} after. Results: bench/results/scale.json (key "browser")`);
  await mkdir(join(file, '..'), { recursive: true });
  const existing = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => ({}));
  const browser = {
    generatedAt: new Date().toISOString(),
    environment: { browser: browserVersion, node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, viewport: VIEWPORT },
    config: { sizes, runs, scroll: SCROLL, codings: CODINGS, query: QUERY, budgets: BUDGET },
    methodology: {
      data: 'bench/scale-project.ts written by the page into IndexedDB (post pages through post-store appendPosts, codings bulkAdd), listed in the registry as the project opened last; its search index built once into the Worker cache; untimed. Each run is a fresh browser over that on-disk profile',
      open: 'performance.now() from createRoot().render(<App/>) to rAF + setTimeout(0) after the first DOM change showing a thread in the thread list (boot, registry, openProject, project counts, Workspace); firstThread: the same to the first post row of the first thread (the largest); cpuMs: CDP ThreadTime (main thread) over that evaluate',
      thread: 'click on thread 0 in the list (thread 1 open before, whole) → rAF + setTimeout(0) after its first post row is in the DOM; completeMs: the same click → its feed no longer aria-busy (the whole thread read after its first screen), awaited before the plain list so the two never overlap',
      plain: 'in the same page after the app (its root hidden): postsOfThreadInOrder + the thread\'s codings by index, spans, PlainThreadList (bench/page) in a box the size of the thread pane, to its first frame',
      scroll: `${SCROLL.steps} × scrollBy(0, ${SCROLL.px}) on the thread scroller, each to rAF + setTimeout(0); median per step`,
      coding: `${CODINGS} × (a selection of 5 characters in a post on screen, then a click on a code in the codebook); ms: the click → the new <mark> in that post + a frame; cpuMs: CDP ThreadTime over the same evaluate (main thread)`,
      search: `a fresh SearchClient (the Search tab's Worker): prepare() (the index from the cache) then search("${QUERY}")`,
      memory: 'VmHWM (/proc/<pid>/status, reset with clear_refs 5 after the page loaded) of the renderer that grew most (page + Workers) and of the browser process (IndexedDB backend); JS heap of the page and each Worker sampled every 100 ms over CDP (Runtime.getHeapUsage), and JSHeapUsedSize (Performance.getMetrics) after open',
    },
    budgets,
    growth,
    sizes: results,
  };
  await writeFile(file, `${JSON.stringify({ ...existing, browser }, null, 2)}\n`);
}

async function launch(profile, flags) {
  return chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: flags, headless: true, viewport: VIEWPORT });
}

async function generate(origin, flags, profile, n) {
  const context = await launch(profile, flags);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/index.html?n=${n}`);
    return await page.evaluate(() => window.__scaleBench.generate());
  } finally {
    await context.close();
  }
}

async function measure(origin, flags, profile, n, run) {
  const context = await launch(profile, flags);
  const browser = `Chromium ${context.browser()?.version() ?? ''}`.trim();
  const problems = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(600_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    await page.goto(`${origin}/index.html?n=${n}&run=${run}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const browserCdp = await context.browser()?.newBrowserCDPSession();
    const heap = new HeapSampler(cdp);
    await heap.attach();
    await sleep(300);
    const peaks = await resetPeaks(await browserProcesses(browserCdp));
    heap.start();
    const openCpuBefore = await metric(cdp, 'ThreadTime');
    const open = await page.evaluate(() => window.__scaleBench.openProject());
    // Main-thread CPU to the first thread shown: what the machine's load does not stretch.
    open.cpuMs = ((await metric(cdp, 'ThreadTime')) - openCpuBefore) * 1000;
    const heapAfterOpen = await metric(cdp, 'JSHeapUsedSize');
    // Codings on the largest thread, which the project opens on: all of it, not its first screen.
    open.wholeThreadMs = await page.evaluate(() => window.__scaleBench.wholeFirstThread());
    await sleep(500);
    console.log(`      open: thread list ${ms(open.threadListMs)} ms, first thread ${ms(open.firstThreadMs)} ms (whole ${ms(open.wholeThreadMs)} ms), ${ms(open.cpuMs)} ms main-thread CPU`);
    const coding = [];
    const codingFailures = [];
    // BENCH_SCALE_CPUPROFILE=<dir>: a .cpuprofile of the page's main thread over each coding (open in DevTools).
    const profileDir = process.env.BENCH_SCALE_CPUPROFILE;
    // BENCH_SCALE_TRACE=<dir>: a DevTools trace of each coding (the frames after the click too), and its main thread's time by event.
    const traceDir = process.env.BENCH_SCALE_TRACE;
    if (traceDir) await mkdir(traceDir, { recursive: true });
    if (profileDir) {
      await mkdir(profileDir, { recursive: true });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    for (let i = 0; i < CODINGS; i++) {
      // No stretch to select is a failure to report, not a coding to skip: a profile kept run after
      // run (BENCH_SCALE_KEEP=1) fills with codings until no post on screen has one left.
      if (!(await page.evaluate((index) => window.__scaleBench.selectInPost(index), i))) {
        codingFailures.push(`no uncoded stretch to select in post ${i + 1} on screen (a kept profile full of codings? delete ${profile})`);
        console.log(`      coding ${i + 1}: FAILED: ${codingFailures.at(-1)}`);
        continue;
      }
      if (profileDir) await cdp.send('Profiler.start');
      const trace = traceDir ? await startTrace(cdp) : null;
      const before = await metrics(cdp, CODING_METRICS);
      const applied = await page.evaluate(() => window.__scaleBench.applyCode());
      const after = await metrics(cdp, CODING_METRICS);
      const cpuMs = (after.ThreadTime - before.ThreadTime) * 1000;
      // Where the main thread's time went: script, style, layout (ms).
      const split = Object.fromEntries(CODING_METRICS.slice(1).map((name) => [name.replace('Duration', '').toLowerCase(), (after[name] - before[name]) * 1000]));
      if (profileDir) await writeFile(join(profileDir, `coding-${n}-run${run}-${i + 1}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
      if (trace) {
        const events = await trace.stop();
        await writeFile(join(traceDir, `coding-${n}-run${run}-${i + 1}.json`), JSON.stringify({ traceEvents: events }));
        console.log(`      coding ${i + 1} trace (main thread, ms): ${mainThreadSplit(events)}`);
      }
      if (applied.ok) coding.push({ ms: applied.ms, cpuMs, ...split });
      else codingFailures.push(applied.error);
      console.log(`      coding ${i + 1}: ${applied.ok ? `${ms(applied.ms)} ms to frame, ${ms(cpuMs)} ms CPU (${Object.entries(split).map(([k, v]) => `${k} ${ms(v)}`).join(', ')})` : `FAILED: ${applied.error}`}`);
      // One coding that never showed is the finding; the others would wait as long.
      if (!applied.ok) break;
      await sleep(200);
    }
    const appScroll = await page.evaluate(({ steps, px }) => window.__scaleBench.scroll('app', steps, px), SCROLL);
    const thread = await page.evaluate(() => window.__scaleBench.openLargestThread());
    await sleep(300);
    const plain = await page.evaluate(() => window.__scaleBench.plainLargestThread());
    const plainScroll = await page.evaluate(({ steps, px }) => window.__scaleBench.scroll('plain', steps, px), SCROLL);
    const search = await page.evaluate((query) => window.__scaleBench.search(query), QUERY);
    const heapPeaks = await heap.stop();
    const memory = { ...(await readPeaks(peaks)), ...heapPeaks, jsHeapAfterOpenBytes: heapAfterOpen };
    const announced = await page.evaluate(() => window.__scaleBench.announced());
    return { run, browser, open, coding, codingFailures, announced, thread, plain, scroll: { app: appScroll.stepsMs, plain: plainScroll.stepsMs }, search, memory, problems };
  } finally {
    await context.close();
  }
}

/** Records a trace over what follows; stop() waits 300 ms (the frames after the coding) and gives its events. */
async function startTrace(cdp) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
  return {
    async stop() {
      await sleep(300);
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      return events;
    },
  };
}

/** The renderer main thread's top-level-ish work by event name (self time is not separated: nested events overlap). */
function mainThreadSplit(events) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const sums = new Map();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([name, v]) => `${name} ${ms(v)}`).join(', ');
}

const CODING_METRICS = ['ThreadTime', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'];

async function metrics(cdp, names) {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(names.map((name) => [name, all.find((m) => m.name === name)?.value ?? Number.NaN]));
}

async function metric(cdp, name) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
}

/** Bytes under a directory (the generated profile). */
async function du(dir) {
  const result = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.split('\t')[0]) : (await stat(dir).catch(() => ({ size: Number.NaN }))).size;
}

function median(values) {
  return quantiles(values).median;
}

function summarize(n, generated, perRun) {
  const q = (pick) => quantiles(perRun.map(pick));
  return {
    posts: n,
    codings: generated.codings,
    generateMs: generated.ms,
    searchIndexBuildMs: generated.indexMs,
    runs: perRun.length,
    openMs: q((r) => r.open.threadListMs),
    openFirstThreadMs: q((r) => r.open.firstThreadMs),
    openCpuMs: q((r) => r.open.cpuMs),
    threadMs: q((r) => r.thread.ms),
    plainThreadMs: q((r) => r.plain.ms),
    plainReadMs: q((r) => r.plain.readMs),
    scrollStepMs: q((r) => median(r.scroll.app)),
    plainScrollStepMs: q((r) => median(r.scroll.plain)),
    codingCpuMs: quantiles(perRun.flatMap((r) => r.coding.map((c) => c.cpuMs))),
    codingToFrameMs: quantiles(perRun.flatMap((r) => r.coding.map((c) => c.ms))),
    searchMs: q((r) => r.search.searchMs),
    searchPrepareMs: q((r) => r.search.prepareMs),
    searchPosts: perRun[0]?.search.posts ?? 0,
    searchErrors: perRun.flatMap((r) => (r.search.error ? [r.search.error] : [])),
    rendererPeakMb: q((r) => r.memory.rendererPeakBytes / MB),
    browserPeakMb: q((r) => r.memory.browserPeakBytes / MB),
    jsHeapPagePeakMb: q((r) => r.memory.jsHeapPagePeakBytes / MB),
    jsHeapWorkerPeakMb: q((r) => r.memory.jsHeapWorkerPeakBytes / MB),
    jsHeapAfterOpenMb: q((r) => r.memory.jsHeapAfterOpenBytes / MB),
    problems: perRun.flatMap((r) => r.problems.map((p) => `${n} run ${r.run}: ${p}`)),
    codingFailures: perRun.flatMap((r) => r.codingFailures),
    announced: [...new Set(perRun.flatMap((r) => r.announced))],
    perRun,
  };
}

function budgetsOf(results, base) {
  const budgets = [];
  const largest = results.at(-1);
  if (largest) {
    budgets.push({
      rule: `project open ≤ ${BUDGET.openMs} ms at ${largest.posts.toLocaleString('en-US')} posts`,
      detail: `${ms(largest.openMs.median)} ms`,
      met: largest.openMs.median <= BUDGET.openMs,
    });
    budgets.push({
      rule: `project open at ${largest.posts.toLocaleString('en-US')} ≤ ${BUDGET.openRatio}× at ${base.posts.toLocaleString('en-US')}`,
      detail: `${ms(largest.openMs.median)} ms vs ${ms(base.openMs.median)} ms = ${(largest.openMs.median / base.openMs.median).toFixed(2)}×`,
      met: largest.openMs.median <= BUDGET.openRatio * base.openMs.median,
    });
  }
  for (const r of results) {
    budgets.push({
      rule: `largest thread's first frame ≤ ${BUDGET.threadRatio}× a plain list, ${r.posts.toLocaleString('en-US')} posts`,
      detail: `${ms(r.threadMs.median)} ms vs ${ms(r.plainThreadMs.median)} ms = ${(r.threadMs.median / r.plainThreadMs.median).toFixed(2)}×`,
      met: r.threadMs.median <= BUDGET.threadRatio * r.plainThreadMs.median,
    });
    budgets.push({
      rule: `a coding ≤ ${BUDGET.codingCpuMs} ms of main-thread CPU (median), ${r.posts.toLocaleString('en-US')} posts`,
      detail: `${ms(r.codingCpuMs.median)} ms (worst ${ms(r.codingCpuMs.max)} ms); to its frame ${ms(r.codingToFrameMs.median)} ms`,
      met: r.codingCpuMs.median <= BUDGET.codingCpuMs,
    });
  }
  return budgets;
}

const ROWS = [
  ['open: thread list first frame', 'openMs', 'ms', null],
  ['open: first thread (largest) shown', 'openFirstThreadMs', 'ms', null],
  ['  main-thread CPU to it', 'openCpuMs', 'ms', null],
  ['largest thread first frame', 'threadMs', 'ms', 'plainThreadMs'],
  ['  plain React list (read + render)', 'plainThreadMs', 'ms', null],
  ['  of which the read', 'plainReadMs', 'ms', null],
  ['scroll step (median)', 'scrollStepMs', 'ms', 'plainScrollStepMs'],
  ['  plain React list', 'plainScrollStepMs', 'ms', null],
  ['coding: main-thread CPU', 'codingCpuMs', 'ms', null],
  ['coding: click → mark on screen', 'codingToFrameMs', 'ms', null],
  ['search (Worker, index ready)', 'searchMs', 'ms', null],
  ['  index ready (from its cache)', 'searchPrepareMs', 'ms', null],
  ['peak renderer RSS', 'rendererPeakMb', 'MB', null],
  ['peak browser process RSS', 'browserPeakMb', 'MB', null],
  ['JS heap page (peak, sampled)', 'jsHeapPagePeakMb', 'MB', null],
  ['JS heap Workers (peak, sampled)', 'jsHeapWorkerPeakMb', 'MB', null],
  ['JS heap page after open', 'jsHeapAfterOpenMb', 'MB', null],
];

function printTable(results, base, budgets, meta) {
  console.log('');
  console.log(`Scale bench in Chromium: ${results.map((r) => r.posts.toLocaleString('en-US')).join(' / ')} posts, 1,000 threads, ${meta.runs} fresh browser(s) per size, ${meta.browser}, ${VIEWPORT.width}×${VIEWPORT.height}. Cells: median (× its baseline; × the ${base.posts.toLocaleString('en-US')} figure)`);
  const header = ['', ...results.map((r) => `${r.posts.toLocaleString('en-US')} posts`)];
  const rows = ROWS.map(([label, key, unit, baseKey]) => [
    label,
    ...results.map((r) => {
      const value = r[key].median;
      const parts = [];
      if (baseKey) parts.push(`${(value / r[baseKey].median).toFixed(2)}× plain`);
      if (r !== base) parts.push(`${(value / base[key].median).toFixed(2)}× 10k`);
      return `${unit === 'MB' ? Math.round(value) : ms(value)} ${unit}${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of rows) console.log(line(row));
  console.log('Budgets (reported, not enforced):');
  for (const b of budgets) console.log(`  ${b.met ? 'met    ' : 'NOT MET'}  ${b.rule}: ${b.detail}`);
}

function growthOf(results) {
  const growth = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    const k = (key) => Number((Math.log(b[key].median / a[key].median) / Math.log(b.posts / a.posts)).toFixed(2));
    growth.push({ from: a.posts, to: b.posts, exponents: Object.fromEntries(['openMs', 'openCpuMs', 'threadMs', 'scrollStepMs', 'codingCpuMs', 'searchMs', 'rendererPeakMb', 'browserPeakMb', 'jsHeapPagePeakMb', 'jsHeapWorkerPeakMb'].map((key) => [key, k(key)])) });
  }
  return growth;
}

const seconds = (value) => (Number.isFinite(value) ? (value / 1000).toFixed(1) : '–');
const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1)) : '–');
const mb = (bytes) => (Number.isFinite(bytes) ? Math.round(bytes / MB).toLocaleString('en-US') : '–');
