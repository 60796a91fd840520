/**
 * The REFI-QDA project bench (issue 12): a project of 100,000 posts (1,000 threads of 100) and
 * 200,000 codings (3 coders, 20 codes, a memo on every tenth) written and read as
 *
 *   - the project bundle JSON (the baseline): serializeBundle to UTF-8 bytes; parseBundleText
 *     (parse and validate) from those bytes decoded;
 *   - a .qdpx: writeQdpx (project.qde, a text source per thread, zipped); prepareQdpxImport (unzip,
 *     parse, read positions, cut into threads and codings: the bundle the core's import takes),
 *     both with the CLI's zlib ports (cli/node-deflate.ts, cli/node-inflate.ts), as the CLI runs them.
 *
 * Each run of each mode is its own child process, so each has its own peak memory (maxRSS minus
 * the resident set once the input was made and collected). The figure is CPU time (the machine may
 * be shared); wall time beside it. Budget: each .qdpx direction ≤ 1.5× the bundle's. Reported,
 * never enforced. Built by bench/qdpx.vite.config.ts, run by bench/run.mjs (`--only qdpx`);
 * `node out/bench-qdpx/qdpx.mjs --runs N [--posts N]` works too.
 */
import type { Bundle, BundleCoding } from '@shared/bundle/bundle';
import { mulberry32 } from '@shared/agreement/seeded-random';
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import { EMPTY_CODE_FIELDS, type Code, type Post, type Thread } from '@shared/model/records';
import { prepareQdpxImport } from '@shared/refi/prepare-qdpx-import';
import { writeQdpx } from '@shared/refi/write-qdpx';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';
import { derivedId } from '@shared/util/derived-id';

import { nodeDeflateRaw } from '../cli/node-deflate';
import { nodeInflateRaw } from '../cli/node-inflate';

import { median, option, print, reportChildRun, runChildren } from './node-bench-kit';

const T0 = '2025-05-01T12:00:00.000Z';
const CODINGS_PER_POST = 2;
const POSTS_PER_THREAD = 100;
const BUDGET = 1.5;
const MODES = ['bundle-write', 'qdpx-write', 'bundle-read', 'qdpx-read'] as const;
/** The figures this bench printed before XML was read by saxes (shared/codebook/refi/sax-tree.ts), for comparison. */
const RECORDED_BEFORE = 'qdpx-write 2.98×, qdpx-read 3.05× (CPU 11,235 / 3,764 and 20,632 / 6,768 ms; peak MB added 499 and 595)';
/** And before .qdpx archives were zipped by shared/zip instead of zip.js (the same loaded machine, load average ~20). */
const RECORDED_BEFORE_ZIP = 'qdpx-write 2.70×, qdpx-read 2.05× (CPU 12,633 / 4,682 and 14,696 / 7,160 ms; peak MB added 500 and 449)';
/** And before plain XML was read by our own scan (shared/codebook/refi/plain-xml-tree.ts), load average ~10–20. */
const RECORDED_BEFORE_PLAIN = 'qdpx-write 2.03×, qdpx-read 1.79× (CPU 8,373 / 4,126 and 11,217 / 6,262 ms; peak MB added 502 and 328)';
/** And before project.qde was written straight to UTF-8 and the CLI's zlib deflated (interleaved before/after children, load ~10–28). */
const RECORDED_BEFORE_WRITER = 'qdpx-write 1.87× (CPU 7,785 / 4,163 ms; peak MB added 473)';
type Mode = (typeof MODES)[number];

const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'derailing', 'claim', 'because', 'evidence', 'source?', 'lol', '🙂', '👩‍👩‍👧', 'Ünïcode', '"quoted"', 'a,b'];

/** GUID ids, as a real project has (derived ones would add an id map to the export). */
function project(postCount: number): Bundle {
  const random = mulberry32(12);
  const id = (...parts: string[]) => derivedId('bench', ...parts);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const t = Math.floor(i / POSTS_PER_THREAD);
    const first = t * POSTS_PER_THREAD;
    if (i === first) threads.push({ id: id('t', String(t)), title: `Thread ${t}`, platform: 'reddit', rootPostId: id('p', String(i)), importedAt: T0, source: 'bench' });
    const words: string[] = [];
    for (let n = 20 + Math.floor(random() * 30); n > 0; n--) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    posts.push({ id: id('p', String(i)), threadId: id('t', String(t)), parentId: i === first ? null : id('p', String(first)), author: `u${i % 997}`, createdAt: T0, text: words.join(' '), platform: 'reddit', platformId: `${i}`, url: null, meta: {} });
  }
  const codes: Code[] = Array.from({ length: 20 }, (_, k) => ({ id: id('k', String(k)), name: `Code ${k}`, parentId: k < 5 ? null : id('k', String(k % 5)), color: '#336699', order: k, ...EMPTY_CODE_FIELDS }));
  const coders = ['Ada', 'Ben', 'Cy'].map((name, i) => ({ id: id('u', String(i)), name }));
  const codings: BundleCoding[] = [];
  for (let c = 0; c < postCount * CODINGS_PER_POST; c++) {
    const post = posts[Math.floor(c / CODINGS_PER_POST)]!;
    const length = codePointLength(post.text);
    const start = Math.floor(random() * (length - 1));
    const end = Math.min(length, start + 1 + Math.floor(random() * 60));
    codings.push({ id: id('c', String(c)), postId: post.id, codeId: codes[Math.floor(random() * 20)]!.id, coderId: coders[c % 3]!.id, start, end, quote: sliceCodePoints(post.text, start, end), memo: c % 10 === 0 ? 'a memo' : '', createdAt: T0, updatedAt: T0 });
  }
  return { format: 'threadmark', formatVersion: 3, exportedAt: T0, app: { name: 'Threadmark', version: 'bench' }, project: { id: id('project'), name: 'Bench', createdAt: T0 }, threads, posts, codes, coders, codings, codebookVersions: [] };
}

async function qdpxBytes(bundle: Bundle): Promise<Uint8Array> {
  // With the CLI's DEFLATE (zlib, which gives the CRC too), as `threadmark export --to qdpx` writes it.
  const written = await writeQdpx(bundle, { origin: 'Threadmark bench', positions: 'code-points', deflate: nodeDeflateRaw });
  if (!written.ok) throw new Error(written.error.join('; '));
  return written.value;
}

/** In a child: makes the input, then times one direction; prints a JSON line {ms, cpuMs, bytes, peakMb}. */
async function child(mode: Mode, postCount: number): Promise<void> {
  let bundle: Bundle | null = project(postCount);
  const input: { text?: Uint8Array; qdpx?: Uint8Array } = {};
  if (mode === 'bundle-read') input.text = new TextEncoder().encode(serializeBundle(bundle));
  if (mode === 'qdpx-read') input.qdpx = await qdpxBytes(bundle);
  if (mode.endsWith('-read')) bundle = null;
  await reportChildRun(async () => {
    if (mode === 'bundle-write') return new TextEncoder().encode(serializeBundle(bundle!)).byteLength;
    if (mode === 'qdpx-write') return (await qdpxBytes(bundle!)).byteLength;
    if (mode === 'bundle-read') {
      const parsed = parseBundleText(new TextDecoder().decode(input.text));
      if (!parsed.ok || parsed.value.codings.length !== postCount * CODINGS_PER_POST) throw new Error('bench/qdpx: the bundle did not read back');
      return input.text!.byteLength;
    }
    const read = await prepareQdpxImport(input.qdpx!, 'bench.qdpx', { split: 'source', at: T0, app: { name: 'Threadmark', version: 'bench' } }, { inflate: nodeInflateRaw });
    if (!read.ok || read.value.bundle.codings.length !== postCount * CODINGS_PER_POST) throw new Error(`bench/qdpx: the .qdpx did not read back: ${JSON.stringify(read.ok ? read.value.report.unplaced.slice(0, 3) : read.error)}`);
    return input.qdpx!.byteLength;
  });
}

function main(runs: number, postCount: number): void {
  print(`qdpx bench: ${postCount.toLocaleString('en')} posts, ${(postCount * CODINGS_PER_POST).toLocaleString('en')} codings, ${runs} runs per mode (interleaved), one child process per run`);
  const results = runChildren('qdpx', import.meta.url, MODES, runs, { nodeArgs: ['--max-old-space-size=6144'], args: ['--posts', String(postCount)] });
  const cpuOf = (mode: Mode) => median(results.get(mode)!.map((r) => r.cpuMs));
  print('');
  print('mode           CPU ms (median)   ratio to bundle   wall ms   file MB   peak MB added');
  for (const mode of MODES) {
    const rows = results.get(mode)!;
    const baseline = mode.endsWith('-write') ? cpuOf('bundle-write') : cpuOf('bundle-read');
    print(
      `${mode.padEnd(14)} ${cpuOf(mode).toFixed(0).padStart(15)}   ${(cpuOf(mode) / baseline).toFixed(2).padStart(15)}   ${median(rows.map((r) => r.ms)).toFixed(0).padStart(7)}   ${(rows[0]!.bytes / 2 ** 20).toFixed(1).padStart(7)}   ${median(rows.map((r) => r.peakMb)).toFixed(0).padStart(13)}`,
    );
  }
  print('');
  print('Budgets (reported, not enforced):');
  for (const [mode, baseline] of [['qdpx-write', 'bundle-write'], ['qdpx-read', 'bundle-read']] as const) {
    const ratio = cpuOf(mode) / cpuOf(baseline);
    print(`  ${ratio <= BUDGET ? 'met    ' : 'NOT MET'}  ${mode} ≤ ${BUDGET}× ${baseline}: ${ratio.toFixed(2)}×`);
  }
  print(`  (recorded before the saxes reader, 2026-12-07, 100,000 posts: ${RECORDED_BEFORE})`);
  print(`  (recorded before shared/zip, 2026-12-07, 100,000 posts: ${RECORDED_BEFORE_ZIP})`);
  print(`  (recorded before the plain XML scan, 2026-12-07, 100,000 posts: ${RECORDED_BEFORE_PLAIN})`);
  print(`  (recorded before the UTF-8 writer and zlib's deflate, 2026-12-07, 100,000 posts: ${RECORDED_BEFORE_WRITER})`);
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
if (childAt !== -1) await child(argv[childAt + 1] as Mode, option('qdpx', argv, 'posts', 100_000));
else main(option('qdpx', argv, 'runs', 3), option('qdpx', argv, 'posts', 100_000));
