// The adjudication bench, run by bench/run.mjs (`--only adjudication`, or after the others): the
// Adjudication view's first frame with N disagreements (the real AdjudicationScreen: filters,
// progress, virtualized listbox, current disagreement, decision bar) against a plain React list of
// the same rows with the same virtualizer, in headless Chromium, in fresh pages, the two modes
// interleaved. Budget: view ≤ 1.5× plain (as the thread view's), reported, never enforced.

/* global window -- only inside page.evaluate/waitForFunction callbacks, which run in the page */

import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from '@playwright/test';

import { quantiles } from './quantiles.mjs';

const MODES = /** @type {const} */ (['view', 'plain']);
const LABEL = { view: 'Adjudication view', plain: 'plain React list' };
const BUDGET = { firstFrameRatio: 1.5 };
const VIEWPORT = { width: 1280, height: 800 };

/**
 * @param {{ runs: number, n: number }} options
 * @param {{ repo: string, serve: (dir: string) => Promise<{ server: import('node:http').Server, origin: string }>, chromiumFlags: string[], resultsFile: string }} env
 */
export async function adjudicationBench(options, env) {
  const { runs, n } = options;
  const loadBefore = os.loadavg();
  console.log('');
  console.log('bench: building bench/adjudication-page (vite) …');
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/adjudication.vite.config.ts'], { cwd: env.repo, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error(`bench: adjudication page build failed (exit ${built.status ?? built.signal})`);
  const { server, origin } = await env.serve(join(env.repo, 'out', 'bench-adjudication'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: env.chromiumFlags, headless: true });
  try {
    const browserVersion = `Chromium ${browser.version()}`;
    // Untimed: the view's list head and foot heights, so the plain list gets the same height (same rows shown).
    const probe = await measure(browser, origin, 'view', n, 0, '');
    const head = `&head=${probe.firstFrame.headHeight}&foot=${probe.firstFrame.footHeight}`;
    const results = [];
    for (let run = 1; run <= runs; run++) {
      const order = run % 2 === 1 ? MODES : [...MODES].reverse();
      for (const mode of order) {
        const result = await measure(browser, origin, mode, n, run, mode === 'plain' ? head : '');
        results.push(result);
        console.log(
          `  run ${run} ${mode.padEnd(5)} first frame ${result.firstFrame.firstFrameMs.toFixed(1)} ms ` +
            `(render ${result.firstFrame.renderSyncMs.toFixed(1)} ms, CPU ${result.cpu.ThreadTime.toFixed(1)} ms), ` +
            `${result.firstFrame.rowsMounted} rows, ${result.firstFrame.domElements} elements` +
            (result.problems.length ? `, ${result.problems.length} console problem(s)` : ''),
        );
      }
    }
    const summary = Object.fromEntries(
      MODES.map((mode) => {
        const of = results.filter((r) => r.mode === mode);
        return [
          mode,
          {
            firstFrameMs: quantiles(of.map((r) => r.firstFrame.firstFrameMs)),
            renderSyncMs: quantiles(of.map((r) => r.firstFrame.renderSyncMs)),
            cpuMs: quantiles(of.map((r) => r.cpu.ThreadTime)),
            rowsMounted: quantiles(of.map((r) => r.firstFrame.rowsMounted)),
            domElements: quantiles(of.map((r) => r.firstFrame.domElements)),
            listHeight: quantiles(of.map((r) => r.firstFrame.listHeight)),
          },
        ];
      }),
    );
    const ratio = summary.view.firstFrameMs.median / summary.plain.firstFrameMs.median;
    const cpuRatio = summary.view.cpuMs.median / summary.plain.cpuMs.median;
    const budget = {
      metric: 'firstFrameMs',
      rule: `≤ ${BUDGET.firstFrameRatio}× plain`,
      description: `Adjudication view's first frame with ${n.toLocaleString('en-US')} disagreements ≤ ${BUDGET.firstFrameRatio}× a plain list of the same rows`,
      detail: `${summary.view.firstFrameMs.median.toFixed(1)} ms vs ${summary.plain.firstFrameMs.median.toFixed(1)} ms = ${ratio.toFixed(2)}× (main-thread CPU ${cpuRatio.toFixed(2)}×)`,
      met: ratio <= BUDGET.firstFrameRatio,
    };
    const first = results[0];
    console.log('');
    console.log(`Adjudication bench: ${first.data.disagreements.toLocaleString('en-US')} disagreements on ${first.data.posts.toLocaleString('en-US')} posts, ${runs} fresh pages per mode, ${browserVersion}, ${VIEWPORT.width}×${VIEWPORT.height}`);
    const row = (label, key, unit = 'ms') => {
      const cell = (q) => `${unit === 'ms' ? q.median.toFixed(1) : Math.round(q.median)}${unit ? ` ${unit}` : ''} (${unit === 'ms' ? q.min.toFixed(1) : Math.round(q.min)}–${unit === 'ms' ? q.max.toFixed(1) : Math.round(q.max)})`;
      console.log(`  ${label.padEnd(34)} ${LABEL.view}: ${cell(summary.view[key]).padEnd(26)} ${LABEL.plain}: ${cell(summary.plain[key])}`);
    };
    row('first frame', 'firstFrameMs');
    row('  of which render+commit (sync)', 'renderSyncMs');
    row('  main-thread CPU (CDP ThreadTime)', 'cpuMs');
    row('rows mounted', 'rowsMounted', '');
    row('DOM elements', 'domElements', '');
    row('list height', 'listHeight', 'px');
    console.log(`  ${budget.met ? 'met    ' : 'NOT MET'}  ${budget.description}: ${budget.detail}`);
    if (summary.view.listHeight.median !== summary.plain.listHeight.median) {
      console.log('WARNING: the two lists have different heights; the plain page no longer leaves the view list head\'s space (bench/adjudication-page/main.tsx).');
    }
    const problems = results.flatMap((r) => r.problems.map((p) => `${r.mode} run ${r.run}: ${p}`));
    for (const p of [...new Set(problems)].slice(0, 10)) console.log(`  console: ${p}`);
    const loadAfter = os.loadavg();
    console.log(`Machine: ${os.cpus().length} CPU(s), load average ${loadBefore[0].toFixed(2)} before / ${loadAfter[0].toFixed(2)} after. Results: ${env.resultsFile.slice(env.repo.length)} (key "adjudication")`);
    await writeResults(env.resultsFile, {
      generatedAt: new Date().toISOString(),
      environment: { browser: browserVersion, node: process.version, cpus: os.cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter, viewport: VIEWPORT },
      config: { n, runsPerMode: runs, budgets: BUDGET },
      data: first.data,
      methodology: {
        firstFrame: 'performance.now() from flushSync(root.render) to rAF + setTimeout(0) after the commit and a forced layout, once the list shows its rows',
        cpu: 'CDP Performance.getMetrics ThreadTime delta around the page.evaluate that starts the render and awaits the first frame',
        plain: 'the same rows (code, state, author and excerpt, who applied) as plain divs in the same virtualizer (fixed 66 px, overscan 6), in a list of the same height',
      },
      budget,
      summary,
      runs: results,
    });
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function measure(browser, origin, mode, n, run, extra) {
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
    await page.goto(`${origin}/index.html?mode=${mode}&n=${n}&run=${run}&wait=1${extra}`);
    await page.waitForFunction(() => window.__adjudicationBench?.phase !== 'loading', null, { timeout: 120_000, polling: 50 });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(200);
    const before = await threadTime(cdp);
    const loaded = await page.evaluate(async () => {
      const bench = window.__adjudicationBench;
      bench.start();
      await bench.whenReady;
      return { phase: bench.phase, error: bench.error, data: bench.data, firstFrame: bench.firstFrame };
    });
    const cpu = { ThreadTime: (await threadTime(cdp)) - before };
    if (loaded.phase !== 'ready') throw new Error(`bench: adjudication page (${mode}, run ${run}) failed: ${loaded.error}`);
    return { mode, run, data: loaded.data, firstFrame: loaded.firstFrame, cpu, problems };
  } finally {
    await context.close();
  }
}

async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

async function writeResults(file, result) {
  await mkdir(join(file, '..'), { recursive: true });
  const existing = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => ({}));
  await writeFile(file, `${JSON.stringify({ ...existing, adjudication: result }, null, 2)}\n`);
}
