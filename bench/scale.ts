/**
 * The scale bench (issue 15, part 1), Node part: projects of 10,000, 100,000 and 1,000,000 posts
 * (1,000 threads, the largest 10 % of the posts up to 100,000, deep and wide; 20 % of posts coded
 * by two coders; emoji and long posts), and for each size, in its own child process:
 *
 *   - bundle export: serializeBundleBytes (streamed, counted as a file writer would pass it on);
 *   - bundle import: readBundleChunks of those bytes (streamed parse and validation);
 *   - segments CSV: codedSegmentsCsv of the project;
 *   - agreement: the character-level report (every code, both coders);
 *   - peak memory of the process (maxRSS).
 *
 * It prints each cost's growth from one size to the next as the exponent of the size ratio (1.0 =
 * linear) and writes bench/results/scale.json. The app in Chromium (project open, the largest
 * thread's first frame, scroll, a coding, search, renderer memory) is bench/scale-browser.mjs, which
 * adds its `browser` section to the same file. Takes minutes at 1,000,000 posts; not in CI.
 * Built by bench/scale.vite.config.ts, run by bench/run.mjs (`--only scale`);
 * `node out/bench-scale/scale.mjs [--sizes 10000,100000]` works too.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { agreementReport } from '@shared/agreement/units/agreement-report';
import type { Bundle, BundleCoding } from '@shared/bundle/bundle';
import { byteChunks, readBundleChunks } from '@shared/bundle/read-bundle-stream';
import { bundleBytes } from '@shared/bundle/serialize-chunks';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import type { Post, Thread } from '@shared/model/records';
import { codePointLength } from '@shared/text/offsets';

import { gc, print } from './node-bench-kit';
import { SCALE_CODED_SHARE as CODED_SHARE, SCALE_CODERS, SCALE_CODES, SCALE_T0 as T0, SCALE_THREADS as THREADS, scaleThreads } from './scale-project';

const SIZES = [10_000, 100_000, 1_000_000];
const STEPS = ['export', 'import', 'segmentsCsv', 'agreement'] as const;
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

interface SizeResult {
  posts: number;
  codings: number;
  bundleMb: number;
  /** CPU ms per step. */
  cpuMs: Record<Step, number>;
  wallMs: Record<Step, number>;
  peakMb: number;
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
  const exported = measure(() => bundleBytes(bundle));
  note('export', exported);
  const bytes = exported.value;
  const started = { cpu: process.cpuUsage(), wall: performance.now() };
  const read = await readBundleChunks(byteChunks(bytes), null);
  const used = process.cpuUsage(started.cpu);
  note('import', { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started.wall });
  if (!read.ok || read.value.posts.length !== postCount) throw new Error(`bench/scale: the bundle did not read back: ${JSON.stringify(read.ok ? read.value.posts.length : read.error.slice(0, 3))}`);
  note('segmentsCsv', measure(() => codedSegmentsCsv(bundle).length));
  const input = { posts: bundle.posts.map((p) => ({ id: p.id, length: codePointLength(p.text) })), codes: bundle.codes, coders: bundle.coders, codings: bundle.codings };
  const agreement = measure(() => agreementReport(input, { unit: 'char' }));
  if (!agreement.value.ok) throw new Error(`bench/scale: agreement failed: ${agreement.value.error}`);
  note('agreement', agreement);
  const result: SizeResult = { posts: postCount, codings: bundle.codings.length, bundleMb: bytes.byteLength / 2 ** 20, cpuMs, wallMs, peakMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20 };
  print(JSON.stringify(result));
}

async function main(sizes: readonly number[]): Promise<void> {
  const loadBefore = os.loadavg()[0]!;
  print(`scale bench: ${sizes.map((s) => s.toLocaleString('en-US')).join(' / ')} posts, ${THREADS} threads, ${CODED_SHARE * 100} % coded by two coders; load average ${loadBefore.toFixed(2)}, ${os.cpus().length} cores`);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const out = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', fileURLToPath(import.meta.url), '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (out.status !== 0) {
      print(`  ${size.toLocaleString('en-US')} posts: FAILED (${out.status ?? out.signal}): ${out.stderr.trim().split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const result = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as SizeResult;
    results.push(result);
    print(`  ${size.toLocaleString('en-US')} posts: ${STEPS.map((s) => `${s} ${Math.round(result.cpuMs[s]).toLocaleString('en-US')} ms`).join(', ')}; bundle ${result.bundleMb.toFixed(0)} MB, peak ${Math.round(result.peakMb).toLocaleString('en-US')} MB`);
  }
  print('');
  print(`| posts | codings | bundle MB | ${STEPS.map((s) => `${s} CPU ms`).join(' | ')} | peak MB |`);
  print(`| ---: | ---: | ---: | ${STEPS.map(() => '---:').join(' | ')} | ---: |`);
  for (const r of results) print(`| ${r.posts.toLocaleString('en-US')} | ${r.codings.toLocaleString('en-US')} | ${r.bundleMb.toFixed(0)} | ${STEPS.map((s) => Math.round(r.cpuMs[s]).toLocaleString('en-US')).join(' | ')} | ${Math.round(r.peakMb).toLocaleString('en-US')} |`);
  print('');
  // Growth as the exponent k in cost ∝ size^k between neighbouring sizes: 1.0 is linear.
  const growth: Array<Record<string, number | string>> = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    const k = (x: number, y: number) => Math.log(y / x) / Math.log(b.posts / a.posts);
    const row: Record<string, number | string> = { from: a.posts, to: b.posts };
    for (const s of STEPS) row[s] = Number(k(a.cpuMs[s], b.cpuMs[s]).toFixed(2));
    row.peakMb = Number(k(a.peakMb, b.peakMb).toFixed(2));
    growth.push(row);
    print(`growth ${a.posts.toLocaleString('en-US')} → ${b.posts.toLocaleString('en-US')} (exponent, 1.0 = linear): ${[...STEPS, 'peakMb'].map((s) => `${s} ${row[s]}`).join(', ')}`);
  }
  const file = join(REPO, 'bench', 'results', 'scale.json');
  await mkdir(join(REPO, 'bench', 'results'), { recursive: true });
  // The Chromium half (bench/scale-browser.mjs) keeps its own section in the same file.
  const { browser } = (await readFile(file, 'utf8').then((text) => JSON.parse(text) as { browser?: unknown }).catch(() => ({}))) as { browser?: unknown };
  await writeFile(file, `${JSON.stringify({ ...(browser === undefined ? {} : { browser }), machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, loadAverage: { before: loadBefore, after: os.loadavg()[0] }, sizes: results, growth, notMeasured: ['app import through the Worker (bench/import-bench.mjs: 100,000 posts)'] }, null, 2)}\n`);
  print(`wrote ${file}; load average after ${os.loadavg()[0]!.toFixed(2)}`);
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
const sizesAt = argv.indexOf('--sizes');
if (childAt !== -1) await child(Number(argv[childAt + 1]));
else await main(sizesAt === -1 ? SIZES : argv[sizesAt + 1]!.split(',').map(Number));
