/**
 * The streaming bundle bench (issue 15, "Streaming bundles"): a project of 100,000 posts (1,000
 * threads of 100, emoji and long posts) and 200,000 codings (3 coders), written and read as
 *
 *   - json-write (the baseline): serializeBundle, one string, encoded to UTF-8;
 *   - stream-write: serializeBundleBytes, the same bytes chunk by chunk (counted, not kept, as a
 *     file writer would pass them on);
 *   - json-read (the baseline): the bytes decoded to one string, then parseBundleText (JSON.parse,
 *     the duplicate-key check, validateBundle);
 *   - stream-read: readBundleChunks over 4 MB chunks of the same bytes (records parsed one by one,
 *     then the same validation), no whole-file string.
 *
 * Each run of each mode is its own child process, with its own peak memory (maxRSS minus the
 * resident set once the input was made and collected). The figure is CPU time (the machine may be
 * shared); wall time beside it. Budget: each streamed direction ≤ 1.0× its baseline. Reported,
 * never enforced. Built by bench/bundle-stream.vite.config.ts, run by bench/run.mjs
 * (`--only bundle-stream`); `node out/bench-bundle-stream/bundle-stream.mjs --runs N [--posts N]`.
 */
import os from 'node:os';

import type { Bundle } from '@shared/bundle/bundle';
import { byteChunks, readBundleChunks } from '@shared/bundle/read-bundle-stream';
import { serializeBundle } from '@shared/bundle/serialize';
import { serializeBundleBytes } from '@shared/bundle/serialize-chunks';
import { parseBundleText } from '@shared/bundle/validate';

import { benchProject, CODINGS_PER_POST } from './bench-project';
import { median, option, print, reportChildRun, runChildren } from './node-bench-kit';

const BUDGET = 1.0;
const MODES = ['json-write', 'stream-write', 'json-read', 'stream-read'] as const;
type Mode = (typeof MODES)[number];

/** In a child: makes the input, then times one direction; prints a JSON line {ms, cpuMs, bytes, peakMb}. */
async function child(mode: Mode, postCount: number): Promise<void> {
  let bundle: Bundle | null = benchProject(postCount);
  const bytes = mode.endsWith('-read') ? new TextEncoder().encode(serializeBundle(bundle)) : null;
  if (bytes) bundle = null;
  const expectedCodings = postCount * CODINGS_PER_POST;
  await reportChildRun(async () => {
    if (mode === 'json-write') return new TextEncoder().encode(serializeBundle(bundle!)).byteLength;
    if (mode === 'stream-write') {
      let total = 0;
      for (const chunk of serializeBundleBytes(bundle!)) total += chunk.byteLength;
      return total;
    }
    const read = mode === 'json-read' ? parseBundleText(new TextDecoder().decode(bytes!)) : await readBundleChunks(byteChunks(bytes!), null);
    if (!read.ok || read.value.codings.length !== expectedCodings) throw new Error(`bench/bundle-stream: ${mode} did not read back: ${JSON.stringify(read.ok ? read.value.codings.length : read.error.slice(0, 3))}`);
    return bytes!.byteLength;
  });
}

function main(runs: number, postCount: number): void {
  print(`bundle-stream bench: ${postCount.toLocaleString('en')} posts, ${(postCount * CODINGS_PER_POST).toLocaleString('en')} codings, ${runs} runs per mode (interleaved), one child process per run; load average ${os.loadavg()[0]!.toFixed(2)}, ${os.cpus().length} cores`);
  const results = runChildren('bundle-stream', import.meta.url, MODES, runs, { nodeArgs: ['--max-old-space-size=6144'], args: ['--posts', String(postCount)] });
  const cpuOf = (mode: Mode) => median(results.get(mode)!.map((r) => r.cpuMs));
  print('');
  print('mode           CPU ms (median)   ratio to baseline   wall ms   file MB   peak MB added');
  for (const mode of MODES) {
    const rows = results.get(mode)!;
    const baseline = mode.endsWith('-write') ? cpuOf('json-write') : cpuOf('json-read');
    print(
      `${mode.padEnd(14)} ${cpuOf(mode).toFixed(0).padStart(15)}   ${(cpuOf(mode) / baseline).toFixed(2).padStart(17)}   ${median(rows.map((r) => r.ms)).toFixed(0).padStart(7)}   ${(rows[0]!.bytes / 2 ** 20).toFixed(1).padStart(7)}   ${median(rows.map((r) => r.peakMb)).toFixed(0).padStart(13)}`,
    );
  }
  print('');
  print('Budgets (reported, not enforced):');
  for (const [mode, baseline] of [['stream-write', 'json-write'], ['stream-read', 'json-read']] as const) {
    const ratio = cpuOf(mode) / cpuOf(baseline);
    print(`  ${ratio <= BUDGET ? 'met    ' : 'NOT MET'}  ${mode} ≤ ${BUDGET}× ${baseline}: ${ratio.toFixed(2)}×`);
  }
  print(`load average after: ${os.loadavg()[0]!.toFixed(2)}`);
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
if (childAt !== -1) await child(argv[childAt + 1] as Mode, option('bundle-stream', argv, 'posts', 100_000));
else main(option('bundle-stream', argv, 'runs', 3), option('bundle-stream', argv, 'posts', 100_000));
