/**
 * The scale bench (issue 15, part 1), Node part: projects of 10,000, 100,000 and 1,000,000 posts
 * (1,000 threads, the largest 10 % of the posts up to 100,000, deep and wide; 20 % of posts coded
 * by two coders; emoji and long posts), and for each size, in its own child process:
 *
 *   - bundle export and import, each direction and its baseline in a process of its own, the
 *     records drawn a thread at a time (bench/scale-bundle.ts: what is timed, the per-piece
 *     baselines, peak memory against the largest thread);
 *   - segments CSV: codedSegmentsCsv of the project;
 *   - agreement: the character-level report (every code, both coders);
 *   - peak memory of that process (maxRSS; it holds the whole project, as both commands need).
 *
 * It prints each cost's growth from one size to the next as the exponent of the size ratio (1.0 =
 * linear) and writes bench/results/scale.json. The app in Chromium (project open, the largest
 * thread's first frame, scroll, a coding, search, renderer memory) is bench/scale-browser.mjs, which
 * adds its `browser` section to the same file. Takes minutes at 1,000,000 posts; not in CI.
 * Built by bench/scale.vite.config.ts, run by bench/run.mjs (`--only scale`);
 * `node out/bench-scale/scale.mjs [--sizes 10000,100000] [--parts bundle,analysis] [--runs N]` works too
 * (or BENCH_SCALE_SIZES / BENCH_SCALE_PARTS; runs default to 3 below 1,000,000 posts, 1 at it).
 * The bundle file of each size is written to the OS temp dir and removed unless BENCH_SCALE_KEEP=1.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { agreementReport } from '@shared/agreement/units/agreement-report';
import type { Bundle, BundleCoding } from '@shared/bundle/bundle';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import type { Post, Thread } from '@shared/model/records';
import { codePointLength } from '@shared/text/offsets';

import { gc, print } from './node-bench-kit';
import { BUNDLE_MODES, bundleAtSize, bundleChild, bundleRatios, type BundleMode, type BundleResult } from './scale-bundle';
import { SCALE_CODED_SHARE as CODED_SHARE, SCALE_CODERS, SCALE_CODES, SCALE_T0 as T0, SCALE_THREADS as THREADS, scaleThreads } from './scale-project';

const SIZES = [10_000, 100_000, 1_000_000];
const STEPS = ['segmentsCsv', 'agreement'] as const;
const PARTS = ['bundle', 'analysis'] as const;
type Step = (typeof STEPS)[number];
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The project as one bundle (bench/scale-project.ts yields it a thread at a time). */
export function scaleProject(postCount: number): Bundle {
  const threads: Thread[] = [];
  const posts: Post[] = [];
  const codings: BundleCoding[] = [];
  for (const part of scaleThreads(postCount)) {
    threads.push(part.thread);
    for (const post of part.posts) posts.push(post);
    for (const coding of part.codings) codings.push(coding);
  }
  return { format: 'threadmark', formatVersion: 3, exportedAt: T0, app: { name: 'Threadmark', version: 'bench' }, project: { id: 'project', name: 'Scale', createdAt: T0 }, threads, posts, codes: SCALE_CODES, coders: SCALE_CODERS, codings, codebookVersions: [] };
}

interface AnalysisResult {
  posts: number;
  codings: number;
  /** CPU ms per step. */
  cpuMs: Record<Step, number>;
  wallMs: Record<Step, number>;
  peakMb: number;
}

interface SizeResult extends Partial<AnalysisResult> {
  posts: number;
  bundle?: BundleResult;
}

function measure<T>(fn: () => T): { value: T; cpuMs: number; wallMs: number } {
  gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, cpuMs: (used.user + used.system) / 1000, wallMs };
}

async function child(postCount: number): Promise<void> {
  const bundle = scaleProject(postCount);
  const cpuMs = {} as Record<Step, number>;
  const wallMs = {} as Record<Step, number>;
  const note = (step: Step, m: { cpuMs: number; wallMs: number }) => {
    cpuMs[step] = m.cpuMs;
    wallMs[step] = m.wallMs;
  };
  note('segmentsCsv', measure(() => codedSegmentsCsv(bundle).length));
  const input = { posts: bundle.posts.map((p) => ({ id: p.id, length: codePointLength(p.text) })), codes: bundle.codes, coders: bundle.coders, codings: bundle.codings };
  const agreement = measure(() => agreementReport(input, { unit: 'char' }));
  if (!agreement.value.ok) throw new Error(`bench/scale: agreement failed: ${agreement.value.error}`);
  note('agreement', agreement);
  const result: AnalysisResult = { posts: postCount, codings: bundle.codings.length, cpuMs, wallMs, peakMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20 };
  print(JSON.stringify(result));
}

async function main(sizes: readonly number[], parts: ReadonlySet<(typeof PARTS)[number]>, runsGiven: number | null): Promise<void> {
  const loadBefore = os.loadavg()[0]!;
  print(`scale bench: ${sizes.map((s) => s.toLocaleString('en-US')).join(' / ')} posts, ${THREADS} threads, ${CODED_SHARE * 100} % coded by two coders; parts ${[...parts].join(', ')}; load average ${loadBefore.toFixed(2)}, ${os.cpus().length} cores`);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const result: SizeResult = { posts: size };
    if (parts.has('bundle')) {
      const file = join(os.tmpdir(), `threadmark-scale-bundle-${process.env.BENCH_SCALE_PORT ?? process.pid}-${size}.threadmark.json`);
      try {
        result.bundle = bundleAtSize(import.meta.url, size, file, runsGiven ?? (size >= 1_000_000 ? 1 : 3));
      } catch (e) {
        print(`  ${size.toLocaleString('en-US')} posts: bundle FAILED: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        if (process.env.BENCH_SCALE_KEEP !== '1') await rm(file, { force: true });
      }
    }
    if (parts.has('analysis')) {
      const out = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', fileURLToPath(import.meta.url), '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (out.status !== 0) print(`  ${size.toLocaleString('en-US')} posts: FAILED (${out.status ?? out.signal}): ${out.stderr.trim().split('\n').slice(-3).join(' ')}`);
      else {
        const analysis = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as AnalysisResult;
        Object.assign(result, analysis);
        print(`  ${size.toLocaleString('en-US')} posts: ${STEPS.map((s) => `${s} ${Math.round(analysis.cpuMs[s]).toLocaleString('en-US')} ms`).join(', ')}; peak of that process (the whole project) ${Math.round(analysis.peakMb).toLocaleString('en-US')} MB`);
      }
    }
    results.push(result);
  }
  print('');
  // Growth as the exponent k in cost ∝ size^k between neighbouring sizes: 1.0 is linear.
  const growth: Array<Record<string, number | string>> = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    const k = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined ? undefined : Number((Math.log(y / x) / Math.log(b.posts / a.posts)).toFixed(2)));
    const row: Record<string, number | string> = { from: a.posts, to: b.posts };
    const put = (name: string, value: number | undefined) => {
      if (value !== undefined) row[name] = value;
    };
    for (const s of STEPS) put(s, k(a.cpuMs?.[s], b.cpuMs?.[s]));
    put('peakMb', k(a.peakMb, b.peakMb));
    for (const mode of BUNDLE_MODES) {
      put(`${mode} CPU`, k(a.bundle?.modes[mode].cpuMs, b.bundle?.modes[mode].cpuMs));
      put(`${mode} peak`, k(a.bundle?.modes[mode].peakMb, b.bundle?.modes[mode].peakMb));
    }
    growth.push(row);
    print(`growth ${a.posts.toLocaleString('en-US')} → ${b.posts.toLocaleString('en-US')} (exponent, 1.0 = linear): ${Object.entries(row).slice(2).map(([name, value]) => `${name} ${value}`).join(', ')}`);
  }
  for (const r of results) if (r.bundle) print(`ratios at ${r.posts.toLocaleString('en-US')}: ${Object.entries(bundleRatios(r.bundle)).map(([name, value]) => `${name} ${value.toFixed(2)}×`).join(', ')}`);
  const file = join(REPO, 'bench', 'results', 'scale.json');
  await mkdir(join(REPO, 'bench', 'results'), { recursive: true });
  // The Chromium half (bench/scale-browser.mjs) keeps its own section in the same file; a size's
  // part that was not run this time keeps its last figures.
  const previous = (await readFile(file, 'utf8').then((text) => JSON.parse(text) as { browser?: unknown; sizes?: SizeResult[] }).catch(() => ({}))) as { browser?: unknown; sizes?: SizeResult[] };
  const sizesRun = new Set(results.map((r) => r.posts));
  const merged = [...(previous.sizes ?? []).filter((p) => !sizesRun.has(p.posts)), ...results.map((r) => ({ ...(previous.sizes?.find((p) => p.posts === r.posts) ?? {}), ...r }))].sort((a, b) => a.posts - b.posts);
  const { browser } = previous;
  await writeFile(file, `${JSON.stringify({ ...(browser === undefined ? {} : { browser }), machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, loadAverage: { before: loadBefore, after: os.loadavg()[0] }, sizes: merged, growth, notMeasured: ['app import through the Worker (bench/import-bench.mjs: 100,000 posts)'] }, null, 2)}\n`);
  print(`wrote ${file}; load average after ${os.loadavg()[0]!.toFixed(2)}`);
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
const bundleAt = argv.indexOf('--bundle-child');
const listed = (flag: string, env: string | undefined): string[] | null => {
  const at = argv.indexOf(flag);
  const text = at === -1 ? env : argv[at + 1];
  return text ? text.split(',') : null;
};
const runsAt = argv.indexOf('--runs');
if (childAt !== -1) await child(Number(argv[childAt + 1]));
else if (bundleAt !== -1) await bundleChild(argv[bundleAt + 1] as BundleMode, Number(argv[bundleAt + 2]), argv[bundleAt + 3]!);
else
  await main(
    listed('--sizes', process.env.BENCH_SCALE_SIZES)?.map(Number) ?? SIZES,
    new Set((listed('--parts', process.env.BENCH_SCALE_PARTS) ?? PARTS) as Array<(typeof PARTS)[number]>),
    runsAt === -1 ? null : Number(argv[runsAt + 1]),
  );
