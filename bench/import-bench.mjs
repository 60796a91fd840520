// The import bench (issue "Import real thread exports", measurement part), run by bench/run.mjs:
// a generated N-post Reddit dump (NDJSON) and the same posts as a generic CSV go through the app's
// real import path (ImportClient → import Worker → preview → commit → Dexie) in headless Chromium,
// against a baseline measured in the same page right after: raw IndexedDB putting the same posts,
// one record each, in one strict readwrite transaction. Budget: app / baseline ≤ 1.0 (goal 0.5),
// reported, never enforced; only a broken bench (or an import that fails) makes the exit non-zero.
// Issue 11 ("building the index ≤ 1.0× the import's own write time"): right after each import,
// the Search tab's Worker builds the search index of the same posts from the project database
// (read, build, save in its cache), timed against the import's write (commit() → committed), with
// peak memory; the build alone (SearchIndex, no reads or save) is timed in the page too.
//
// Each (run, format) gets a fresh browser with a fresh on-disk profile (launchPersistentContext
// in the OS temp dir): Playwright's newContext() profiles are off-the-record, and there IndexedDB
// lives in memory, which would time neither the app's nor the baseline's disk writes.
// The files are generated inside the page (bench/import-page/generate-import.ts) as Files, so
// nothing of tens of megabytes crosses Playwright, and the Worker reads them the way it reads a
// picked file.

/* global window -- only inside page.evaluate/waitForFunction callbacks, which run in the page */

import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from '@playwright/test';

import { quantiles } from './quantiles.mjs';

const FORMATS = /** @type {const} */ (['ndjson', 'csv']);
const LABEL = { ndjson: 'Reddit dump NDJSON', csv: 'generic CSV' };
const BUDGET = { ratio: 1.0, goal: 0.5, searchRatio: 1.0 };
const HEAP_SAMPLE_MS = 100;
const SETTLE_MS = 1000;
const MB = 2 ** 20;

/**
 * @param {{ runs: number, runsGiven: boolean, importN: number }} options
 * @param {{ repo: string, serve: (dir: string) => Promise<{ server: import('node:http').Server, origin: string }>, chromiumFlags: string[], resultsFile: string }} env
 */
export async function importBench(options, env) {
  const runs = options.runsGiven ? options.runs : 3;
  const n = options.importN;
  const loadBefore = os.loadavg();
  console.log('');
  console.log('bench: building bench/import-page (vite) …');
  const started = Date.now();
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/import.vite.config.ts'], {
    cwd: env.repo,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`bench: import page build failed (exit ${built.status ?? built.signal})`);
  const buildMs = Date.now() - started;

  const { server, origin } = await env.serve(join(env.repo, 'out', 'bench-import'));
  console.log(`bench: import page built in ${(buildMs / 1000).toFixed(1)} s; serving ${origin}; ${n.toLocaleString('en-US')} posts, ${runs} run(s) per format`);
  let browserVersion = 'Chromium';
  try {
    const results = [];
    for (let run = 1; run <= runs; run++) {
      // Alternate the order of the formats so drifting machine load hits both alike.
      const order = run % 2 === 1 ? FORMATS : [...FORMATS].reverse();
      for (const format of order) {
        const result = await measure(origin, env.chromiumFlags, format, n, run);
        browserVersion = result.browser;
        results.push(result);
        if (!result.ok) {
          console.log(`  run ${run} ${format.padEnd(6)} FAILED: ${result.error}`);
          continue;
        }
        console.log(
          `  run ${run} ${format.padEnd(6)} app ${seconds(result.app.totalMs)} s ` +
            `(preview ${seconds(result.app.previewMs)} s + write ${seconds(result.app.writeMs)} s), ` +
            `baseline ${seconds(result.baseline.ms)} s, ratio ${(result.app.totalMs / result.baseline.ms).toFixed(2)}×, ` +
            `renderer peak ${mb(result.memory.app.rendererPeakBytes)} MB; ` +
            `search index ${seconds(result.searchIndex.ms)} s = ${(result.searchIndex.ms / result.app.writeMs).toFixed(2)}× the write ` +
            `(build alone ${seconds(result.indexBuild.ms)} s), renderer peak ${mb(result.memory.search.rendererPeakBytes)} MB` +
            (result.problems.length ? `, ${result.problems.length} console problem(s)` : ''),
        );
      }
    }

    const summary = summarize(results, n);
    const budgets = FORMATS.map((format) => budgetOf(format, summary[format]));
    const data = Object.fromEntries(FORMATS.map((f) => [f, results.find((r) => r.format === f && r.data)?.data ?? null]));
    printTable(summary, budgets, { n, runs, browser: browserVersion, data });

    const failures = results.filter((r) => !r.ok);
    if (failures.length > 0) {
      console.log('');
      console.log(`Import bench failures (${failures.length}):`);
      for (const f of failures) console.log(`  ${f.format} run ${f.run}: ${f.error}`);
    }
    const countWarnings = results.filter((r) => r.ok && (r.app.summary?.posts !== n || r.readBack.posts !== n));
    for (const r of countWarnings) {
      console.log(`WARNING: ${r.format} run ${r.run}: ${n} posts generated, the import reported ${r.app.summary?.posts} and stored ${r.readBack.posts} (placeholders included).`);
    }
    const problems = results.flatMap((r) => r.problems.map((p) => `${r.format} run ${r.run}: ${p}`));
    if (problems.length > 0) {
      console.log('');
      console.log(`Console problems in the import bench pages (${problems.length}):`);
      for (const p of [...new Set(problems)].slice(0, 10)) console.log(`  ${p}`);
    }

    const loadAfter = os.loadavg();
    console.log('');
    console.log(
      `Machine: ${os.cpus().length} CPU(s), load average ${loadBefore[0].toFixed(2)} before / ${loadAfter[0].toFixed(2)} after. ` +
        `Results: ${env.resultsFile.slice(env.repo.length)} (key "import")`,
    );

    await writeResults(env.resultsFile, {
      generatedAt: new Date().toISOString(),
      environment: {
        browser: browserVersion,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        cpus: os.cpus().length,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAfter,
        chromiumFlags: env.chromiumFlags,
        profile: 'fresh on-disk profile per (run, format): chromium.launchPersistentContext in the OS temp dir',
      },
      config: { n, runsPerFormat: runs, budgets: BUDGET, heapSampleMs: HEAP_SAMPLE_MS, settleMs: SETTLE_MS },
      data,
      methodology: {
        files: 'generated in the page (seeded, deterministic) as a File; the same posts as Pushshift/Arctic Shift NDJSON (dump order: created_utc) and as CSV id,parent_id,thread_id,author,created_at,text,score (RFC 4180, text quoted, CRLF)',
        app: 'performance.now() in the page: ImportClient.preview(freshDb, [file], null, null) → `preview` event (previewMs: read, parse, assemble, existing-posts lookup) → commit() sent at once → `committed` (writeMs). The database (schema) and the ImportClient (Worker) exist before the timer starts, as in the app with its import dialog open',
        baseline: 'the app\'s stored posts read back (postsOfThreadInOrder for every thread, + seq), the app database deleted, GC, 1 s pause; then raw IndexedDB (no Dexie): fresh database, store keyPath id with indexes [threadId+seq] and [platform+platformId], put() of every record in ONE readwrite transaction with durability strict, timed from the first put to oncomplete',
        ratio: 'median app preview()→committed seconds / median baseline seconds; per-run ratios in runs[]',
        searchIndex: 'issue 11: after the import, SearchClient.prepare({ dbName: the app database }) in the page: the Search tab\'s Worker (SearchSession.ensure) reads every thread\'s posts, builds the index (batches of ~20,000 posts) and saves it in its IndexedDB cache; timed prepare() → answer. Ratio: median of that / median import write (commit() → committed). indexBuild: SearchIndex.addThreads + prepare over the read-back posts on the page\'s thread (no reads, no save). Memory: the same VmHWM and CDP heap sampling as the import, over prepare() → answer',
        peakMemory: 'rendererPeak: the highest VmHWM (peak resident set size, /proc/<pid>/status) among the browser\'s renderer processes during preview()→committed, reset with /proc/<pid>/clear_refs = 5 just before; the page and its import Worker share that process. jsHeapPeak: CDP Runtime.getHeapUsage usedSize of the page + the Worker (auto-attached target) sampled every 100 ms, max of the sum (a sample can miss a short peak). browserPeak: the same VmHWM for the browser process, where IndexedDB\'s backend (LevelDB) and Blob storage run',
      },
      budgets,
      summary,
      runs: results,
    });
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** One (run, format): a fresh browser and profile, the app import, then the baseline. */
async function measure(origin, chromiumFlags, format, n, run) {
  const profile = await mkdtemp(join(os.tmpdir(), 'threadmark-import-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: chromiumFlags,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  const browser = `Chromium ${context.browser()?.version() ?? ''}`.trim();
  const problems = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    await page.goto(`${origin}/index.html?format=${format}&n=${n}&run=${run}`);
    await page.waitForFunction(() => window.__importBench?.phase !== 'loading', null, { timeout: 600_000, polling: 100 });
    const generated = await page.evaluate(() => ({ phase: window.__importBench.phase, error: window.__importBench.error, data: window.__importBench.data }));
    if (generated.phase === 'error') throw new Error(`bench: import page (${format}, run ${run}) could not generate its file: ${generated.error}`);

    const cdp = await context.newCDPSession(page);
    const browserCdp = await context.browser()?.newBrowserCDPSession();
    const heap = new HeapSampler(cdp);
    await heap.attach();
    await page.evaluate(() => window.__importBench.prepare());
    await settle(cdp);

    const processes = await browserProcesses(browserCdp);
    let peaks = await resetPeaks(processes);
    heap.start();
    const app = await page.evaluate(() => window.__importBench.runApp());
    const appHeap = await heap.stop();
    const appMemory = { ...(await readPeaks(peaks)), ...appHeap };
    if (!app.ok) return { ok: false, format, run, browser, error: app.error, data: generated.data, app, memory: { app: appMemory }, problems };

    // Issue 11: the search index of the same posts, built by the Search tab's Worker, against this
    // import's write; then (after readBack) the build alone in the page.
    await settle(cdp);
    peaks = await resetPeaks(processes);
    heap.start();
    const searchIndex = await page.evaluate(() => window.__importBench.runSearchIndex());
    const searchHeap = await heap.stop();
    const searchMemory = { ...(await readPeaks(peaks)), ...searchHeap };
    if (!searchIndex.ok) throw new Error(`bench: search index (${format}, run ${run}) failed: ${searchIndex.error}`);

    const readBack = await page.evaluate(() => window.__importBench.readBack());
    await settle(cdp);
    const indexBuild = await page.evaluate(() => window.__importBench.runIndexBuild());
    await settle(cdp);
    peaks = await resetPeaks(processes);
    heap.start();
    const baseline = await page.evaluate(() => window.__importBench.runBaseline());
    const baselineHeap = await heap.stop();
    const baselineMemory = { ...(await readPeaks(peaks)), ...baselineHeap };
    if (!baseline.ok) throw new Error(`bench: baseline (${format}, run ${run}) failed: ${baseline.error}`);
    return { ok: true, format, run, browser, data: generated.data, app, searchIndex, readBack, indexBuild, baseline, memory: { app: appMemory, search: searchMemory, baseline: baselineMemory }, problems };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Collect the page's garbage, then let the disk and the backing store settle. */
async function settle(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(SETTLE_MS);
}

/**
 * JS heap of the page and its dedicated Workers, sampled over CDP. Workers are auto-attached
 * (non-flattened, so this plain CDP session can talk to them through Target.sendMessageToTarget);
 * a request to a busy Worker is answered when it yields, so a sample can lag (and miss a peak).
 */
export class HeapSampler {
  constructor(cdp) {
    this.cdp = cdp;
    this.workers = new Map();
    this.callbacks = new Map();
    this.nextId = 1;
    this.running = null;
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.workers.set(event.sessionId, { last: 0, peak: 0, pending: false });
    });
    cdp.on('Target.detachedFromTarget', (event) => this.workers.delete(event.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message);
      const callback = this.callbacks.get(message.id);
      if (callback) {
        this.callbacks.delete(message.id);
        callback(message);
      }
    });
  }

  async attach() {
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  sampleWorker(sessionId, worker) {
    if (worker.pending) return;
    worker.pending = true;
    const id = this.nextId++;
    this.callbacks.set(id, (message) => {
      worker.pending = false;
      const used = message.result?.usedSize;
      if (typeof used === 'number') {
        worker.last = used;
        worker.peak = Math.max(worker.peak, used);
      }
    });
    this.cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) })
      .catch(() => {
        this.callbacks.delete(id);
        worker.pending = false;
      });
  }

  start() {
    const state = { stop: false, samples: 0, peak: 0, pagePeak: 0, workerPeak: 0 };
    for (const worker of this.workers.values()) Object.assign(worker, { last: 0, peak: 0 });
    const loop = async () => {
      while (!state.stop) {
        for (const [sessionId, worker] of this.workers) this.sampleWorker(sessionId, worker);
        const page = await this.cdp.send('Runtime.getHeapUsage').catch(() => null);
        if (page) {
          const workers = [...this.workers.values()];
          const workerNow = workers.reduce((sum, w) => sum + w.last, 0);
          state.samples++;
          state.pagePeak = Math.max(state.pagePeak, page.usedSize);
          state.workerPeak = Math.max(state.workerPeak, workerNow, ...workers.map((w) => w.peak));
          state.peak = Math.max(state.peak, page.usedSize + workerNow);
        }
        await sleep(HEAP_SAMPLE_MS);
      }
    };
    this.running = { state, done: loop() };
  }

  async stop() {
    const running = this.running;
    this.running = null;
    if (!running) return {};
    running.state.stop = true;
    await running.done;
    const { peak, pagePeak, workerPeak, samples } = running.state;
    return { jsHeapPeakBytes: peak, jsHeapPagePeakBytes: pagePeak, jsHeapWorkerPeakBytes: workerPeak, jsHeapSamples: samples };
  }
}

/**
 * Renderer processes and the browser process, by pid. IndexedDB's backend (LevelDB) runs in the
 * browser process, as does Blob storage (checked: /proc/<pid>/io of the browser process grows by
 * the data written, the storage service's not at all).
 */
export async function browserProcesses(browserCdp) {
  if (!browserCdp) return [];
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return processInfo
    .map((p) => ({
      pid: p.id,
      role: p.type === 'renderer' ? 'renderer' : p.type === 'browser' ? 'browser' : null,
    }))
    .filter((p) => p.role !== null);
}

async function procStatus(pid) {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  if (text === null) return null;
  const kb = (key) => Number(text.match(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm'))?.[1] ?? Number.NaN) * 1024;
  return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
}

/** Resets each process's peak RSS to its current RSS (Linux: clear_refs 5) and notes that RSS. */
export async function resetPeaks(processes) {
  return Promise.all(
    processes.map(async (p) => {
      const reset = await writeFile(`/proc/${p.pid}/clear_refs`, '5').then(
        () => true,
        () => false,
      );
      return { ...p, reset, before: (await procStatus(p.pid))?.rss ?? Number.NaN };
    }),
  );
}

export async function readPeaks(processes) {
  const read = await Promise.all(processes.map(async (p) => ({ ...p, ...((await procStatus(p.pid)) ?? { hwm: Number.NaN, rss: Number.NaN }) })));
  const renderers = read.filter((p) => p.role === 'renderer' && Number.isFinite(p.hwm));
  // The page's renderer (page + import Worker) is the one that grew most.
  const page = renderers.sort((a, b) => b.hwm - b.before - (a.hwm - a.before))[0];
  const browser = read.find((p) => p.role === 'browser');
  return {
    peakReset: read.every((p) => p.reset),
    rendererPeakBytes: page?.hwm ?? Number.NaN,
    rendererBeforeBytes: page?.before ?? Number.NaN,
    browserPeakBytes: browser?.hwm ?? Number.NaN,
    browserBeforeBytes: browser?.before ?? Number.NaN,
  };
}

/** [key, label, unit, pick(run)]; ratio rows are computed from medians in summarize. */
const METRICS = [
  ['appSeconds', 'app import, preview() → committed', 's', (r) => r.app.totalMs / 1000],
  ['previewSeconds', '  preview ready (read, parse, assemble)', 's', (r) => r.app.previewMs / 1000],
  ['writeSeconds', '  write (commit() → committed)', 's', (r) => r.app.writeMs / 1000],
  ['appPostsPerSecond', 'app posts/s', '', (r) => r.n / (r.app.totalMs / 1000)],
  ['rendererPeakMB', 'peak memory: renderer RSS (page + Worker)', 'MB', (r) => r.memory.app.rendererPeakBytes / MB],
  ['rendererGrowthMB', '  growth over RSS before preview()', 'MB', (r) => (r.memory.app.rendererPeakBytes - r.memory.app.rendererBeforeBytes) / MB],
  ['jsHeapPeakMB', '  JS heap page + Worker (sampled 100 ms)', 'MB', (r) => r.memory.app.jsHeapPeakBytes / MB],
  ['browserPeakMB', '  browser process RSS (IndexedDB, Blobs)', 'MB', (r) => r.memory.app.browserPeakBytes / MB],
  ['baselineSeconds', 'baseline: raw IndexedDB put, 1 tx, strict', 's', (r) => r.baseline.ms / 1000],
  ['baselinePutLoopSeconds', '  of which the put() loop', 's', (r) => r.baseline.putLoopMs / 1000],
  ['baselinePostsPerSecond', 'baseline posts/s', '', (r) => r.baseline.records / (r.baseline.ms / 1000)],
  ['searchIndexSeconds', 'search index, Worker (read, build, save)', 's', (r) => r.searchIndex.ms / 1000],
  ['indexBuildSeconds', '  build alone (addThreads + prepare)', 's', (r) => r.indexBuild.ms / 1000],
  ['searchRendererPeakMB', '  peak renderer RSS (page + Workers)', 'MB', (r) => r.memory.search.rendererPeakBytes / MB],
  ['searchJsHeapPeakMB', '  JS heap page + Workers (sampled)', 'MB', (r) => r.memory.search.jsHeapPeakBytes / MB],
  ['searchRatioPerRun', '  search index / import write, per run', '×', (r) => r.searchIndex.ms / r.app.writeMs],
  ['buildRatioPerRun', '  build alone / import write, per run', '×', (r) => r.indexBuild.ms / r.app.writeMs],
  ['ratioPerRun', 'ratio app / baseline, per run', '×', (r) => r.app.totalMs / r.baseline.ms],
  ['writeRatioPerRun', '  write only / baseline, per run', '×', (r) => r.app.writeMs / r.baseline.ms],
];

function summarize(results, n) {
  const summary = {};
  for (const format of FORMATS) {
    const runs = results.filter((r) => r.format === format && r.ok).map((r) => ({ ...r, n }));
    const s = Object.fromEntries(METRICS.map(([key, , , pick]) => [key, quantiles(runs.map(pick))]));
    s.runs = runs.length;
    s.ratio = s.appSeconds.median / s.baselineSeconds.median;
    s.writeRatio = s.writeSeconds.median / s.baselineSeconds.median;
    s.searchRatio = s.searchIndexSeconds.median / s.writeSeconds.median;
    s.buildRatio = s.indexBuildSeconds.median / s.writeSeconds.median;
    summary[format] = s;
  }
  return summary;
}

function budgetOf(format, s) {
  const ratio = s.ratio;
  return {
    format,
    rule: `app / baseline ≤ ${BUDGET.ratio.toFixed(1)} (goal ${BUDGET.goal})`,
    ratio,
    met: Number.isFinite(ratio) && ratio <= BUDGET.ratio,
    goalMet: Number.isFinite(ratio) && ratio <= BUDGET.goal,
    detail: Number.isFinite(ratio)
      ? `${seconds(s.appSeconds.median * 1000)} s vs ${seconds(s.baselineSeconds.median * 1000)} s = ${ratio.toFixed(2)}× ` +
        `(preview ${seconds(s.previewSeconds.median * 1000)} s + write ${seconds(s.writeSeconds.median * 1000)} s; the write alone is ${s.writeRatio.toFixed(2)}× the baseline)`
      : 'no successful run',
  };
}

const seconds = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
const mb = (bytes) => (Number.isFinite(bytes) ? Math.round(bytes / MB).toString() : '–');

function fmt(value, unit) {
  if (!Number.isFinite(value)) return '–';
  if (unit === 's' || unit === '×') return value.toFixed(2);
  return Math.round(value).toLocaleString('en-US');
}

function cell(q, unit) {
  if (!Number.isFinite(q.median)) return 'n/a';
  const suffix = unit === '×' ? '×' : unit ? ` ${unit}` : '';
  return `${fmt(q.median, unit)}${suffix} (${fmt(q.min, unit)}–${fmt(q.max, unit)})`;
}

function printTable(summary, budgets, meta) {
  const header = ['metric (median of runs, min–max)', ...FORMATS.map((f) => LABEL[f])];
  const rows = METRICS.map(([key, label, unit]) => [label, ...FORMATS.map((f) => cell(summary[f][key], unit))]);
  rows.push(['ratio app / baseline (of the medians)', ...FORMATS.map((f) => (Number.isFinite(summary[f].ratio) ? `${summary[f].ratio.toFixed(2)}×` : 'n/a'))]);
  rows.push(['search index / import write (of the medians)', ...FORMATS.map((f) => (Number.isFinite(summary[f].searchRatio) ? `${summary[f].searchRatio.toFixed(2)}×` : 'n/a'))]);
  rows.push([
    `budget ≤ ${BUDGET.ratio.toFixed(1)} / goal ${BUDGET.goal}`,
    ...FORMATS.map((f) => {
      const b = budgets.find((x) => x.format === f);
      return !Number.isFinite(b.ratio) ? 'n/a' : `${b.met ? 'met' : 'NOT MET'} / ${b.goalMet ? 'met' : 'not met'}`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const files = FORMATS.map((f) => meta.data[f])
    .filter(Boolean)
    .map((d) => `${d.format.toUpperCase()} ${(d.bytes / MB).toFixed(1)} MB`)
    .join(', ');
  const d = meta.data.ndjson ?? meta.data.csv;
  console.log('');
  console.log(
    `Threadmark import bench: ${meta.n.toLocaleString('en-US')} posts` +
      (d ? ` in ${d.threads.toLocaleString('en-US')} threads (largest ${d.largestThread.toLocaleString('en-US')}; reply depth median ${d.depth.median}, p90 ${d.depth.p90}, max ${d.depth.max}; ` +
        `text median ${d.textChars.median} chars, ${((100 * d.nonAsciiPosts) / d.posts).toFixed(0)} % with non-ASCII)` : '') +
      `; ${files}; ${meta.runs} run(s) per format, each in a fresh browser and on-disk profile, ${meta.browser}`,
  );
  console.log('');
  console.log(line(header));
  console.log(rule);
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log('Peak memory: the highest peak RSS (VmHWM) among the renderer processes from preview() to');
  console.log('committed, reset just before (clear_refs); the page and its import Worker share that process.');
  console.log('JS heap: page + Worker (CDP Runtime.getHeapUsage) sampled every 100 ms. IndexedDB (LevelDB) and');
  console.log('Blob storage run in the browser process. The baseline puts the posts the app stored (read back,');
  console.log('+ seq) into a fresh raw IndexedDB store (keyPath id, indexes [threadId+seq], [platform+platformId])');
  console.log('in one transaction with durability strict, from the first put() to oncomplete.');
  console.log('Search index: right after the import, the Search tab\'s Worker (SearchClient.prepare) reads the');
  console.log('imported posts from the project database, builds the index and saves it in its IndexedDB cache;');
  console.log('timed from prepare() to its answer, against the import\'s write (commit() → committed). The build');
  console.log('alone: SearchIndex.addThreads + prepare over the read-back posts, on the page\'s thread.');
  console.log('');
  console.log('Budgets (reported, not enforced):');
  for (const b of budgets) {
    console.log(`  ${b.met ? 'met    ' : 'NOT MET'}  ${LABEL[b.format]} import ≤ ${BUDGET.ratio.toFixed(1)}× the bare writes (goal ${BUDGET.goal}: ${b.goalMet ? 'met' : 'not met'}): ${b.detail}`);
  }
  for (const f of FORMATS) {
    const s = summary[f];
    if (!Number.isFinite(s.searchRatio)) continue;
    console.log(
      `  ${s.searchRatio <= BUDGET.searchRatio ? 'met    ' : 'NOT MET'}  ${LABEL[f]}: search index ≤ ${BUDGET.searchRatio.toFixed(1)}× the import's write (issue 11): ` +
        `${seconds(s.searchIndexSeconds.median * 1000)} s vs ${seconds(s.writeSeconds.median * 1000)} s = ${s.searchRatio.toFixed(2)}× ` +
        `(the build alone ${seconds(s.indexBuildSeconds.median * 1000)} s = ${s.buildRatio.toFixed(2)}×)`,
    );
  }
}

/** Sets the `import` key of bench/results/latest.json, keeping every other key. */
async function writeResults(file, result) {
  await mkdir(join(file, '..'), { recursive: true });
  const existing = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => ({}));
  await writeFile(file, `${JSON.stringify({ ...existing, import: result }, null, 2)}\n`);
}
