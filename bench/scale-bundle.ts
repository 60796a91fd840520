/**
 * The scale bench's bundle part (issue 15: "bundle export and import ≤ 1.0× JSON.stringify /
 * JSON.parse of the same data plus its validation, with peak memory ≤ 2× the largest single thread").
 * Each mode runs in its own child process, so its peak is its own:
 *
 *   - thread: the largest thread's records (posts + codings) as objects on the heap, and as JSON;
 *   - write-json (baseline): JSON.stringify(records, null, 2) of each piece of ≤ 2,000 records,
 *     encoded to UTF-8. Per piece at every size, because at 1,000,000 posts the whole text is past
 *     V8's string limit (2^29 − 24 characters), so one JSON.stringify of the project cannot run;
 *   - write-stream: serializeBundleChunksFrom over the same sources (the bytes of the file),
 *     encoded, counted, not kept (as a file writer passes them on);
 *   - read-json (baseline): the same pieces as UTF-8 bytes (made before the timing), each decoded,
 *     JSON.parse'd and checked for repeated keys, then validateBundle of the assembled object;
 *   - read-stream: readBundleChunks over the bundle file read as the CLI reads it (the whole
 *     bundle as its result, as a command that changes the project needs it);
 *   - read-bounded: checkBundleBounded over the same file (the same checks and problems, only the
 *     head and counts as its result: `threadmark validate`), whose peak is held to the budget.
 *
 * Both write modes draw the records from the generator a thread at a time (three passes: threads,
 * posts, codings, as a database is read), so neither holds the project; the generator's own cost
 * (mode `source`) is in both and printed beside them. Peak is the child's maximum resident set
 * above its resident set once loaded and collected.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import type { Bundle } from '@shared/bundle/bundle';
import { checkBundleBounded } from '@shared/bundle/check-bundle-bounded';
import { readBundleChunks } from '@shared/bundle/read-bundle-stream';
import { serializeBundleChunksFrom, type RecordBatches, type StreamedArrayName } from '@shared/bundle/serialize-chunks';
import { validateBundle } from '@shared/bundle/validate';
import { firstDuplicateKey } from '@shared/util/json-duplicate-keys';

import { nodeImportIo } from '../cli/import/import-io';
import { bundleFileSource } from '../cli/project/bundle-source';

import { gc, median, print } from './node-bench-kit';
import { SCALE_CODERS, SCALE_CODES, SCALE_T0, scaleThreads } from './scale-project';

export const BUNDLE_MODES = ['source', 'write-json', 'write-stream', 'read-json', 'read-stream', 'read-bounded'] as const;
export type BundleMode = (typeof BUNDLE_MODES)[number] | 'thread' | 'file';

const PIECE = 2000;

export interface BundleSample {
  cpuMs: number;
  wallMs: number;
  peakMb: number;
  bytes: number;
  /** Mode `thread`: the largest thread's records on the heap, MB. */
  heapMb?: number;
}

export interface BundleResult {
  /** The largest thread (posts + codings): heap MB of its records, and MB of their JSON. */
  largestThread: { posts: number; heapMb: number; jsonMb: number };
  /** Median per mode (runs given). */
  modes: Record<(typeof BUNDLE_MODES)[number], BundleSample>;
  runs: number;
}

/** The bundle without its streamed arrays. */
function scaleHead(): Bundle {
  return { format: 'threadmark', formatVersion: 3, exportedAt: SCALE_T0, app: { name: 'Threadmark', version: 'bench' }, project: { id: 'project', name: 'Scale', createdAt: SCALE_T0 }, threads: [], posts: [], codes: SCALE_CODES, coders: SCALE_CODERS, codings: [], codebookVersions: [] };
}

/** The streamed arrays, each a pass over the generated project a thread at a time. */
function scaleSources(postCount: number): Partial<Record<StreamedArrayName, () => RecordBatches>> {
  return {
    threads: function* () {
      const threads = [];
      for (const part of scaleThreads(postCount)) threads.push(part.thread);
      yield threads;
    },
    posts: function* () {
      for (const part of scaleThreads(postCount)) yield part.posts;
    },
    codings: function* () {
      for (const part of scaleThreads(postCount)) yield part.codings;
    },
  };
}

/** Every piece of ≤ PIECE records of every streamed array, from the sources. */
function* pieces(postCount: number): Generator<{ name: StreamedArrayName; records: readonly unknown[] }> {
  for (const [name, source] of Object.entries(scaleSources(postCount)) as Array<[StreamedArrayName, () => Iterable<readonly unknown[]>]>) {
    for (const batch of source()) for (let at = 0; at < batch.length; at += PIECE) yield { name, records: batch.slice(at, at + PIECE) };
  }
}




/** In a child: one mode at one size; prints a BundleSample as its last line. */
export async function bundleChild(mode: BundleMode, postCount: number, file: string): Promise<void> {
  const encoder = new TextEncoder();
  const prepared: Array<{ name: StreamedArrayName; bytes: Uint8Array }> = [];
  if (mode === 'read-json') for (const { name, records } of pieces(postCount)) prepared.push({ name, bytes: encoder.encode(JSON.stringify(records, null, 2)) });
  gc?.();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  let heapMb: number | undefined;
  switch (mode) {
    case 'thread': {
      const largest = scaleThreads(postCount).next().value!;
      gc?.();
      heapMb = (process.memoryUsage().heapUsed - before.heapUsed) / 2 ** 20;
      bytes = encoder.encode(JSON.stringify([largest.posts, largest.codings], null, 2)).byteLength;
      break;
    }
    case 'source':
      for (const { records } of pieces(postCount)) bytes += records.length;
      break;
    case 'write-json':
      bytes += encoder.encode(JSON.stringify(scaleHead(), null, 2)).byteLength;
      for (const { records } of pieces(postCount)) bytes += encoder.encode(JSON.stringify(records, null, 2)).byteLength;
      break;
    case 'write-stream':
      for await (const chunk of serializeBundleChunksFrom(scaleHead(), scaleSources(postCount))) bytes += encoder.encode(chunk).byteLength;
      break;
    case 'file': {
      const fd = openSync(file, 'w');
      try {
        for await (const chunk of serializeBundleChunksFrom(scaleHead(), scaleSources(postCount))) bytes += writeSync(fd, encoder.encode(chunk));
      } finally {
        closeSync(fd);
      }
      break;
    }
    case 'read-json': {
      const decoder = new TextDecoder();
      const whole = { ...scaleHead() } as unknown as Record<string, unknown[]>;
      for (const { name, bytes: piece } of prepared) {
        const text = decoder.decode(piece);
        const records = JSON.parse(text) as unknown[];
        if (firstDuplicateKey(text)) throw new Error('bench/scale: a repeated key');
        const into = whole[name]!;
        for (const record of records) into.push(record);
        bytes += piece.byteLength;
      }
      prepared.length = 0;
      const read = validateBundle(whole);
      if (!read.ok || read.value.posts.length !== postCount) throw new Error(`bench/scale: read-json did not validate: ${JSON.stringify(read.ok ? read.value.posts.length : read.error.slice(0, 3))}`);
      break;
    }
    case 'read-bounded': {
      const read = await checkBundleBounded(await bundleFileSource(nodeImportIo, file), null, (why) => {
        throw new Error(`bench/scale: read-bounded read whole: ${why}`);
      });
      if (!read.ok || read.value.counts.posts !== postCount) throw new Error(`bench/scale: read-bounded did not validate: ${JSON.stringify(read.ok ? read.value.counts : read.error.slice(0, 3))}`);
      bytes = -1;
      break;
    }
    case 'read-stream': {
      // As cli/load-bundle.ts reads it.
      const read = await readBundleChunks(nodeImportIo.readChunks(file, { reuseBuffer: true }), null);
      if (!read.ok || read.value.posts.length !== postCount) throw new Error(`bench/scale: read-stream did not validate: ${JSON.stringify(read.ok ? read.value.posts.length : read.error.slice(0, 3))}`);
      bytes = -1;
      break;
    }
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const peakMb = Math.max(0, process.resourceUsage().maxRSS * 1024 - before.rss) / 2 ** 20;
  const sample: BundleSample = { cpuMs: (used.user + used.system) / 1000, wallMs, peakMb, bytes, ...(heapMb === undefined ? {} : { heapMb }) };
  print(JSON.stringify(sample));
}

function runChild(self: string, mode: BundleMode, postCount: number, file: string): BundleSample {
  const out = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', fileURLToPath(self), '--bundle-child', mode, String(postCount), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (out.status !== 0) throw new Error(`bench/scale: bundle ${mode} at ${postCount} failed (${out.status ?? out.signal}): ${out.stderr.trim().split('\n').slice(-4).join(' ')}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as BundleSample;
}

const mb = (x: number): string => `${Math.round(x).toLocaleString('en-US')} MB`;
const msOf = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`;

/** The bundle part at one size: the file written once, then each mode `runs` times interleaved. */
export function bundleAtSize(self: string, postCount: number, file: string, runs: number): BundleResult {
  const thread = runChild(self, 'thread', postCount, file);
  const written = runChild(self, 'file', postCount, file);
  const samples = new Map<(typeof BUNDLE_MODES)[number], BundleSample[]>(BUNDLE_MODES.map((m) => [m, []]));
  for (let r = 0; r < runs; r++) for (const mode of BUNDLE_MODES) samples.get(mode)!.push(runChild(self, mode, postCount, file));
  const med = (mode: (typeof BUNDLE_MODES)[number]): BundleSample => {
    const rows = samples.get(mode)!;
    return { cpuMs: median(rows.map((s) => s.cpuMs)), wallMs: median(rows.map((s) => s.wallMs)), peakMb: median(rows.map((s) => s.peakMb)), bytes: rows[0]!.bytes };
  };
  const modes = Object.fromEntries(BUNDLE_MODES.map((m) => [m, med(m)])) as BundleResult['modes'];
  const result: BundleResult = { largestThread: { posts: Math.min(100_000, Math.floor(postCount / 10)), heapMb: thread.heapMb ?? 0, jsonMb: thread.bytes / 2 ** 20 }, modes, runs };
  const size = postCount.toLocaleString('en-US');
  print(`  ${size} posts, bundle ${mb(written.bytes / 2 ** 20)}; largest thread ${result.largestThread.posts.toLocaleString('en-US')} posts: ${mb(result.largestThread.heapMb)} on the heap, ${mb(result.largestThread.jsonMb)} as JSON; CPU ms median of ${runs}:`);
  for (const mode of BUNDLE_MODES) print(`    ${mode.padEnd(13)} CPU ${msOf(modes[mode].cpuMs).padStart(10)}   wall ${msOf(modes[mode].wallMs).padStart(10)}   peak ${mb(modes[mode].peakMb).padStart(9)}`);
  const { write, read, readBounded } = bundleRatios(result);
  const cap = 2 * result.largestThread.heapMb;
  print(`    write: stream / json ${write.toFixed(2)}× (without the generator: ${bundleRatios(result).writeNet.toFixed(2)}×); read: stream / json ${read.toFixed(2)}×, bounded / json ${readBounded.toFixed(2)}× (budget ≤ 1.0×)`);
  const peak = (mode: (typeof BUNDLE_MODES)[number]): string => `${mode} ${mb(modes[mode].peakMb)} ${modes[mode].peakMb <= cap ? 'met' : 'NOT MET'}`;
  print(`    peak ≤ 2× the largest thread (${mb(cap)}): ${peak('write-stream')}, ${peak('read-bounded')} (${peak('read-stream')}: the whole bundle is its result)`);
  return result;
}

export function bundleRatios(r: BundleResult): { write: number; writeNet: number; read: number; readBounded: number } {
  const { source, 'write-json': wj, 'write-stream': ws, 'read-json': rj, 'read-stream': rs, 'read-bounded': rb } = r.modes;
  return { write: ws.cpuMs / wj.cpuMs, writeNet: (ws.cpuMs - source.cpuMs) / (wj.cpuMs - source.cpuMs), read: rs.cpuMs / rj.cpuMs, readBounded: rb.cpuMs / rj.cpuMs };
}
