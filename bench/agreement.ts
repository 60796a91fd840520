/**
 * The agreement bench (issue 4, "Proof"): computing agreement must cost no more than parsing its
 * input in the same run (ratio compute / parse ≤ 1).
 *
 *   (a) Krippendorff's α, all four levels, on 1,000,000 units × 5 coders (seeded; 5 categories,
 *       ~10 % missing), against parseUnitsCsv of the same data as `unit,coder,value` text.
 *   (b) char and unitized agreement (one code, two coders) on 100,000 posts of ~300 characters
 *       with 200,000 codings, codingLayers grouping included, against JSON.parse + validateBundle
 *       of the two coders' bundles.
 *
 * Data generation is untimed. Each of the 3 runs parses first and computes on what it parsed (so
 * no cache of an earlier run is reused); the median and min–max are printed. Budgets are
 * reported, never enforced. Built by bench/agreement.vite.config.ts, run by bench/run.mjs under
 * `node --expose-gc`; `node out/bench-agreement/agreement.mjs --runs N` works too.
 */
import { performance } from 'node:perf_hooks';

import { ALPHA_LEVELS } from '@shared/agreement/alpha-metric';
import { computeCoefficients } from '@shared/agreement/compute-coefficients';
import { krippendorffAlpha } from '@shared/agreement/krippendorff-alpha';
import { prepareRatings } from '@shared/agreement/prepared-ratings';
import type { ReliabilityData } from '@shared/agreement/reliability-data';
import { mulberry32 } from '@shared/agreement/seeded-random';
import { parseUnitsCsv } from '@shared/agreement/units-csv';
import { agreementReport } from '@shared/agreement/units/agreement-report';
import { codingLayers } from '@shared/agreement/units/coding-layers';
import { matchPosts } from '@shared/agreement/units/match-posts';
import type { Bundle, BundleCoding } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import { validateBundle } from '@shared/bundle/validate';
import { EMPTY_CODE_FIELDS, type Post, type Thread } from '@shared/model/records';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';

const UNITS = 1_000_000;
const CODERS = 5;
const CATEGORIES = 5;
const MISSING_SHARE = 0.1;
const POSTS = 100_000;
const POSTS_PER_THREAD = 100;
const CODINGS_PER_CODER = 100_000;
const T0 = '2024-05-01T12:00:00.000Z';

const print = (line = '') => void process.stdout.write(`${line}\n`);
const gc = (globalThis as { gc?: () => void }).gc;

function parseRuns(argv: readonly string[]): number {
  const i = argv.indexOf('--runs');
  if (i === -1) return 3;
  const n = Number.parseInt(argv[i + 1] ?? '', 10);
  if (!(n > 0)) throw new Error('bench/agreement: --runs needs a positive whole number');
  return n;
}

/** Wall time of fn in ms, after a full GC so no earlier garbage is collected inside it. */
function timed<T>(fn: () => T): { ms: number; value: T } {
  gc?.();
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

// ─── (a) reliability data ─────────────────────────────────────────────────────────────────────

/** unit,coder,value rows for every unit × coder; a blank value is missing. Coders agree ~70 %. */
function reliabilityCsv(): { text: string; missing: number } {
  const random = mulberry32(20240501);
  const lines: string[] = ['unit,coder,value'];
  let missing = 0;
  for (let u = 0; u < UNITS; u++) {
    const truth = 1 + Math.floor(random() * CATEGORIES);
    for (let c = 1; c <= CODERS; c++) {
      let value = '';
      if (random() < MISSING_SHARE) missing++;
      else value = String(random() < 0.7 ? truth : 1 + Math.floor(random() * CATEGORIES));
      lines.push(`u${u},c${c},${value}`);
    }
  }
  return { text: `${lines.join('\n')}\n`, missing };
}

function parseCsv(text: string): ReliabilityData {
  const parsed = parseUnitsCsv(text);
  if (!parsed.ok) throw new Error(`bench/agreement: generated CSV rejected: ${parsed.error.slice(0, 3).join('; ')}`);
  return parsed.value;
}

function allAlphas(data: ReliabilityData): Record<string, number | null> {
  const prepared = prepareRatings(data);
  const out: Record<string, number | null> = {};
  for (const level of ALPHA_LEVELS) {
    const result = krippendorffAlpha(prepared, level);
    out[level] = 'value' in result ? result.value : null;
  }
  return out;
}

// ─── (b) codings ──────────────────────────────────────────────────────────────────────────────

const WORDS = (
  'the a of to and in that is was for on it with as they be at by this had not but from or have are which ' +
  'one you were all their there been has when who will more if out so what about into than them can only ' +
  'other new some could time these two may then first any now such like over even most made after also did ' +
  'many before must through back years where much way well down should because each just those people how ' +
  'government policy vaccine climate election evidence source claim study report media council housing rent ' +
  'wages school teacher hospital budget police court protest honestly literally basically apparently'
).split(' ');
const EMOJI = ['😀', '👍', '🙄', '🇩🇪', 'é'];

function postText(random: () => number): string {
  const target = 200 + Math.floor(random() * 200);
  const words: string[] = [];
  let length = 0;
  while (length < target) {
    const word = random() < 0.02 ? EMOJI[Math.floor(random() * EMOJI.length)]! : WORDS[Math.floor(random() * WORDS.length)]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

interface Generated {
  texts: [string, string];
  chars: number;
}

/**
 * Two coders' bundles of the same 100,000 posts, one code, 100,000 codings each. Ada's spans fall
 * on random posts (some posts get two, which then overlap and merge); Ben follows 80 % of them
 * with shifted boundaries and puts the rest elsewhere.
 */
function codingBundles(): Generated {
  const random = mulberry32(42);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  const lengths: number[] = [];
  let chars = 0;
  for (let i = 0; i < POSTS; i++) {
    const threadIndex = Math.floor(i / POSTS_PER_THREAD);
    const first = threadIndex * POSTS_PER_THREAD;
    const id = `p${i}`;
    if (i === first) threads.push({ id: `t${threadIndex}`, title: `Thread ${threadIndex}`, platform: 'reddit', rootPostId: id, importedAt: T0, source: 'bench' });
    const text = postText(random);
    const length = codePointLength(text);
    lengths.push(length);
    chars += length;
    posts.push({
      id,
      threadId: `t${threadIndex}`,
      parentId: i === first ? null : `p${first + Math.floor(random() * (i - first))}`,
      author: `user${Math.floor(random() * 5000)}`,
      createdAt: T0,
      text,
      platform: 'reddit',
      platformId: `rd_${i}`,
      url: null,
      meta: {},
    });
  }
  const span = (post: number, start: number, length: number): [number, number, number] => {
    const s = Math.max(0, Math.min(start, lengths[post]! - 1));
    return [post, s, Math.min(lengths[post]!, s + Math.max(1, length))];
  };
  const ada: Array<[number, number, number]> = [];
  const ben: Array<[number, number, number]> = [];
  for (let k = 0; k < CODINGS_PER_CODER; k++) {
    const post = Math.floor(random() * POSTS);
    const a = span(post, Math.floor(random() * lengths[post]!), 20 + Math.floor(random() * 100));
    ada.push(a);
    if (random() < 0.8) {
      const shift = () => Math.floor(random() * 21) - 10;
      ben.push(span(post, a[1] + shift(), a[2] - a[1] + shift()));
    } else {
      const other = Math.floor(random() * POSTS);
      ben.push(span(other, Math.floor(random() * lengths[other]!), 20 + Math.floor(random() * 100)));
    }
  }
  const bundle = (coder: string, spans: Array<[number, number, number]>): string => {
    const codings: BundleCoding[] = spans.map(([post, start, end], k) => ({
      id: `${coder}-${k}`,
      postId: posts[post]!.id,
      codeId: 'k-claim',
      coderId: `u-${coder}`,
      start,
      end,
      quote: sliceCodePoints(posts[post]!.text, start, end),
      memo: '',
      createdAt: T0,
      updatedAt: T0,
    }));
    const b: Bundle = {
      format: 'threadmark',
      formatVersion: 3,
      exportedAt: T0,
      app: { name: 'Threadmark', version: 'bench' },
      project: { id: 'bench', name: 'Bench', createdAt: T0 },
      threads,
      posts,
      codes: [{ id: 'k-claim', name: 'Claim', parentId: null, color: '#336699', ...EMPTY_CODE_FIELDS, order: 0 }],
      coders: [{ id: `u-${coder}`, name: coder }],
      codings,
    };
    return serializeBundle(b);
  };
  return { texts: [bundle('Ada', ada), bundle('Ben', ben)], chars };
}

function parseBundles(texts: readonly string[]): Bundle[] {
  return texts.map((text, i) => {
    const result = validateBundle(JSON.parse(text));
    if (!result.ok) throw new Error(`bench/agreement: generated bundle ${i} rejected: ${JSON.stringify(result.error.slice(0, 3))}`);
    return result.value;
  });
}

// ─── report ───────────────────────────────────────────────────────────────────────────────────

interface Stats {
  median: number;
  min: number;
  max: number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
const spread = (s: Stats) => `${ms(s.median)} (${Math.round(s.min).toLocaleString('en-US')}–${Math.round(s.max).toLocaleString('en-US')})`;
const mb = (text: string) => `${(text.length / 1e6).toFixed(0)} M characters`;

interface Row {
  task: string;
  times: number[];
  /** Compared with the parse row; the budget applies when `budget` is set. */
  parse?: number[];
  budget?: boolean;
}

interface BudgetLine {
  name: string;
  ratio: number;
  met: boolean;
}

function printTable(title: string, rows: Row[], budgets: BudgetLine[]): void {
  const header = ['task (median of runs, min–max)', 'time', 'compute / parse', 'budget', 'met'];
  const cells = rows.map((row) => {
    const time = stats(row.times);
    if (!row.parse) return [row.task, spread(time), '', '', ''];
    // Ratio of medians, and its range over runs (each run's compute over that run's parse).
    const ratio = time.median / stats(row.parse).median;
    const perRun = stats(row.times.map((t, i) => t / row.parse![i]!));
    if (row.budget) budgets.push({ name: row.task, ratio, met: ratio <= 1 });
    return [
      row.task,
      spread(time),
      `${ratio.toFixed(2)}× (${perRun.min.toFixed(2)}–${perRun.max.toFixed(2)})`,
      row.budget ? 'ratio ≤ 1' : '(info)',
      row.budget ? (ratio <= 1 ? 'yes' : 'NO') : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join(' │ ')
      .trimEnd();
  print();
  print(title);
  print(line(header));
  print(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const c of cells) print(line(c));
}

function main(): void {
  const runs = parseRuns(process.argv.slice(2));
  if (!gc) print('bench/agreement: run with node --expose-gc for steadier timings (no GC between phases now)');
  print(`Agreement bench: Node ${process.version}, ${runs} runs, times are wall clock`);

  // (a)
  let started = performance.now();
  const csv = reliabilityCsv();
  print(`  generated ${UNITS.toLocaleString('en-US')} × ${CODERS} reliability CSV (${mb(csv.text)}) in ${ms(performance.now() - started)}`);
  const a: Record<'parse' | 'alpha' | 'all', number[]> = { parse: [], alpha: [], all: [] };
  let alphas: Record<string, number | null> = {};
  for (let run = 1; run <= runs; run++) {
    const parsed = timed(() => parseCsv(csv.text));
    const alpha = timed(() => allAlphas(parsed.value));
    // A copy has a new identity, so computeCoefficients encodes afresh instead of reusing the cache.
    const all = timed(() => computeCoefficients({ ...parsed.value }));
    a.parse.push(parsed.ms);
    a.alpha.push(alpha.ms);
    a.all.push(all.ms);
    alphas = alpha.value;
    print(`  (a) run ${run}: parse ${ms(parsed.ms)}, α ×4 ${ms(alpha.ms)}, all coefficients ${ms(all.ms)}`);
  }

  // (b)
  started = performance.now();
  const bundles = codingBundles();
  print(
    `  generated 2 bundles of ${POSTS.toLocaleString('en-US')} posts (${bundles.chars.toLocaleString('en-US')} code points each), ` +
      `${(2 * CODINGS_PER_CODER).toLocaleString('en-US')} codings (${mb(bundles.texts[0])} + ${mb(bundles.texts[1])} of JSON) in ${ms(performance.now() - started)}`,
  );
  const b: Record<'parse' | 'match' | 'layers' | 'char' | 'unitized', number[]> = { parse: [], match: [], layers: [], char: [], unitized: [] };
  let sample = '';
  for (let run = 1; run <= runs; run++) {
    const parsed = timed(() => parseBundles(bundles.texts));
    const matched = timed(() =>
      matchPosts([
        { name: 'ada.threadmark.json', bundle: parsed.value[0]! },
        { name: 'ben.threadmark.json', bundle: parsed.value[1]! },
      ]),
    );
    const input = matched.value.input;
    if (matched.value.mismatched.length > 0 || input.posts.length !== POSTS) throw new Error('bench/agreement: posts did not match');
    const layers = timed(() => codingLayers(input));
    const char = timed(() => agreementReport(input, { unit: 'char' }));
    const unitized = timed(() => agreementReport(input, { unit: 'unitized' }));
    if (!char.value.ok || !unitized.value.ok) throw new Error('bench/agreement: report failed');
    b.parse.push(parsed.ms);
    b.match.push(matched.ms);
    b.layers.push(layers.ms);
    b.char.push(char.ms);
    b.unitized.push(unitized.ms);
    const c = char.value.value;
    const u = unitized.value.value;
    if (c.unit === 'char' && u.unit === 'unitized') {
      const pair = c.codes.Claim?.['Ada|Ben'];
      sample = `char κ ${pair?.kappa?.toFixed(3)}, percent ${pair?.percent_agreement?.toFixed(3)} over ${pair?.n_chars.toLocaleString('en-US')} chars; uα ${u.codes.Claim?.u_alpha?.toFixed(3)}`;
    }
    print(
      `  (b) run ${run}: parse ${ms(parsed.ms)}, match ${ms(matched.ms)}, layers ${ms(layers.ms)}, char ${ms(char.ms)}, unitized ${ms(unitized.ms)}`,
    );
  }

  const budgets: BudgetLine[] = [];
  printTable(
    `(a) Krippendorff's α on ${UNITS.toLocaleString('en-US')} units × ${CODERS} coders, ${CATEGORIES} categories, ` +
      `${((100 * csv.missing) / (UNITS * CODERS)).toFixed(1)} % missing — α ${ALPHA_LEVELS.map((l) => `${l} ${alphas[l]?.toFixed(3)}`).join(', ')}`,
    [
      { task: 'parse unit,coder,value CSV (parseUnitsCsv)', times: a.parse },
      { task: 'α nominal+ordinal+interval+ratio (incl. encoding)', times: a.alpha, parse: a.parse, budget: true },
      { task: 'every coefficient (computeCoefficients)', times: a.all, parse: a.parse },
    ],
    budgets,
  );
  printTable(
    `(b) one code, 2 coders, ${POSTS.toLocaleString('en-US')} posts, ${(2 * CODINGS_PER_CODER).toLocaleString('en-US')} codings — ${sample}`,
    [
      { task: 'JSON.parse + validateBundle, both bundles', times: b.parse },
      { task: 'matchPosts across the bundles (CLI step)', times: b.match, parse: b.parse },
      { task: '  codingLayers grouping alone', times: b.layers, parse: b.parse },
      { task: 'char agreement (incl. codingLayers)', times: b.char, parse: b.parse, budget: true },
      { task: 'unitized agreement (incl. codingLayers)', times: b.unitized, parse: b.parse, budget: true },
    ],
    budgets,
  );
  print();
  print('Budgets (reported, not enforced): computing costs no more than parsing the same input (ratio ≤ 1)');
  for (const budget of budgets) print(`  ${budget.met ? 'met    ' : 'NOT MET'}  ${budget.name}: ${budget.ratio.toFixed(2)}×`);
}

main();
