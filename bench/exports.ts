/**
 * The exports-for-analysis bench (issue 11, part 7): a project of 200,000 codings (40,000 posts
 * in 400 threads, 5 codings per post, 3 coders, 20 codes in a two-level tree) exported as
 *
 *   - the coded segments CSV (the baseline: what the app always wrote), as UTF-8 bytes;
 *   - the segments as Parquet (hyparquet-writer) and as an XLSX workbook with the segments sheet only,
 *     each as a ratio to the CSV of the same rows;
 *   - the whole analysis workbook (segments, post × code, thread × code, codebook, coders), for information.
 *
 * Each format runs in its own child process, so each has its own peak memory: the process's
 * maximum resident set (maxRSS) minus the resident set after the project was generated and
 * collected, i.e. what the export itself added at its worst. Time is the export's CPU time (bundle
 * in, bytes out; wall time printed too). Budgets are reported, never enforced. Built by bench/exports.vite.config.ts,
 * run by bench/run.mjs (`--only exports`); `node out/bench-exports/exports.mjs --runs N [--codings N]` works too.
 */
import type { Bundle, BundleCoding } from '@shared/bundle/bundle';
import { mulberry32 } from '@shared/agreement/seeded-random';
import { workbookTables } from '@shared/export/analysis-exports';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { codedSegmentsTable } from '@shared/export/coded-segments-table';
import { writeParquet } from '@shared/export/parquet';
import { writeXlsx } from '@shared/export/xlsx/write-xlsx';
import { EMPTY_CODE_FIELDS, type Code, type Post, type Thread } from '@shared/model/records';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';

import { median, option, print, reportChildRun, runChildren } from './node-bench-kit';

const T0 = '2025-05-01T12:00:00.000Z';
const CODINGS_PER_POST = 5;
const POSTS_PER_THREAD = 100;
/** Budgets: a binary export may take this many times the CSV's time. */
const BUDGET = { parquet: 3, xlsx: 3 };
const FORMATS = ['csv', 'parquet', 'xlsx-segments', 'xlsx-workbook'] as const;
type Format = (typeof FORMATS)[number];

const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'derailing', 'claim', 'because', 'evidence', '=SUM(A1)', 'source?', 'lol', '🙂', 'Ünïcode', '"quoted"', 'a,b'];

function project(codings: number): Bundle {
  const random = mulberry32(11);
  const postCount = Math.ceil(codings / CODINGS_PER_POST);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const t = Math.floor(i / POSTS_PER_THREAD);
    const first = t * POSTS_PER_THREAD;
    if (i === first) threads.push({ id: `t${t}`, title: `Thread ${t}`, platform: 'reddit', rootPostId: `p${i}`, importedAt: T0, source: 'bench' });
    const words: string[] = [];
    for (let n = 20 + Math.floor(random() * 30); n > 0; n--) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    posts.push({ id: `p${i}`, threadId: `t${t}`, parentId: i === first ? null : `p${first}`, author: `u${i % 997}`, createdAt: T0, text: words.join(' '), platform: 'reddit', platformId: `${i}`, url: `https://reddit.com/r/x/comments/${i}`, meta: {} });
  }
  const codes: Code[] = Array.from({ length: 20 }, (_, k) => ({ id: `k${k}`, name: `Code ${k}`, parentId: k < 5 ? null : `k${k % 5}`, color: '#336699', order: k, ...EMPTY_CODE_FIELDS, exemplarCodingIds: [`c${k}`] }));
  const coders = ['Ada', 'Ben', 'Cy'].map((name, i) => ({ id: `u${i}`, name }));
  const list: BundleCoding[] = [];
  for (let c = 0; c < codings; c++) {
    const post = posts[Math.floor(c / CODINGS_PER_POST)]!;
    const length = codePointLength(post.text);
    const start = Math.floor(random() * (length - 1));
    const end = Math.min(length, start + 1 + Math.floor(random() * 60));
    list.push({ id: `c${c}`, postId: post.id, codeId: `k${Math.floor(random() * 20)}`, coderId: `u${c % 3}`, start, end, quote: sliceCodePoints(post.text, start, end), memo: c % 10 === 0 ? 'a memo' : '', createdAt: T0, updatedAt: T0 });
  }
  return { format: 'threadmark', formatVersion: 3, exportedAt: T0, app: { name: 'Threadmark', version: 'bench' }, project: { id: 'p', name: 'Bench', createdAt: T0 }, threads, posts, codes, coders, codings: list, codebookVersions: [] };
}

async function exportOnce(format: Format, bundle: Bundle): Promise<number> {
  switch (format) {
    case 'csv':
      return new TextEncoder().encode(codedSegmentsCsv(bundle)).byteLength;
    case 'parquet':
      return writeParquet(codedSegmentsTable(bundle)).byteLength;
    case 'xlsx-segments': {
      const written = await writeXlsx([codedSegmentsTable(bundle)]);
      if (!written.ok) throw new Error(written.error.message);
      return written.value.byteLength;
    }
    case 'xlsx-workbook': {
      const written = await writeXlsx(workbookTables(bundle));
      if (!written.ok) throw new Error(written.error.message);
      return written.value.byteLength;
    }
  }
}

/** In a child: one export of one format; prints a JSON line {ms, cpuMs, bytes, peakMb}. */
async function child(format: Format, codings: number): Promise<void> {
  const bundle = project(codings);
  await reportChildRun(() => exportOnce(format, bundle));
}

function main(runs: number, codings: number): void {
  print(`exports bench: ${codings.toLocaleString('en')} codings, ${runs} runs per format (interleaved), one child process per run`);
  const results = runChildren('exports', import.meta.url, FORMATS, runs, { args: ['--codings', String(codings)] });
  // CPU time (user + system, every thread of the process) is the figure: the machine may be shared,
  // and wall time then measures the neighbours. Wall time is printed beside it.
  const csvCpu = median(results.get('csv')!.map((r) => r.cpuMs));
  print('');
  print('format             CPU ms (median)   ratio to CSV   wall ms   file MB   peak MB added');
  for (const format of FORMATS) {
    const rows = results.get(format)!;
    const cpu = median(rows.map((r) => r.cpuMs));
    print(
      `${format.padEnd(18)} ${cpu.toFixed(0).padStart(15)}   ${(cpu / csvCpu).toFixed(2).padStart(12)}   ${median(rows.map((r) => r.ms)).toFixed(0).padStart(7)}   ${(rows[0]!.bytes / 2 ** 20).toFixed(1).padStart(7)}   ${median(rows.map((r) => r.peakMb)).toFixed(0).padStart(13)}`,
    );
  }
  print('');
  print('Budgets (reported, not enforced):');
  for (const [format, budget] of [['parquet', BUDGET.parquet], ['xlsx-segments', BUDGET.xlsx]] as const) {
    const ratio = median(results.get(format)!.map((r) => r.cpuMs)) / csvCpu;
    print(`  ${ratio <= budget ? 'met    ' : 'NOT MET'}  ${format} of the segments ≤ ${budget}× the segments CSV: ${ratio.toFixed(2)}×`);
  }
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
if (childAt !== -1) await child(argv[childAt + 1] as Format, option('exports', argv, 'codings', 200_000));
else main(option('exports', argv, 'runs', 3), option('exports', argv, 'codings', 200_000));
