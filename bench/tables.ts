/**
 * The tables bench (issue 11, parts 3 and 4): on a generated project of 1,000,000 posts and
 * 200,000 codings, the core's co-occurrence matrix (budget ≤ 300 ms) and code × month table, each
 * through the port (a MemoryProjectStore, the CLI's adapter core) exactly as the app and the CLI
 * call them, beside a baseline measured in the same run: reading the codings through the same port
 * and one pass over them grouping by post (a Map of post id → count). Ratios are of CPU time to
 * that baseline's (wall time on a shared machine swings by several times between runs).
 *
 * Memory: "heap growth" is the JS heap used right after the call minus before it (garbage collected
 * first, none forced during): about the call's peak; "retained" is what its result keeps after GC.
 * Data generation is untimed. Built by bench/tables.vite.config.ts, run by bench/run.mjs under
 * `node --expose-gc`; `node --expose-gc out/bench-tables/tables.mjs [--runs N] [--posts N] [--codings N]`.
 */
import { performance } from 'node:perf_hooks';

import { mulberry32 } from '@shared/agreement/seeded-random';
import { codeTable } from '@shared/analysis/tables/code-table';
import { coOccurrence } from '@shared/analysis/tables/co-occurrence';
import { EMPTY_CODE_FIELDS, type Code, type Coder, type Coding, type Platform, type Post, type Thread } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import type { ProjectReader } from '@shared/project/project-store';

import { gc, median, ms, option, print, range, timed } from './node-bench-kit';

const POSTS_PER_THREAD = 100;
const CODES = 30;
const CODERS = 5;
const MONTHS = 36;
const BUDGET_MS = 300;
const T0 = '2025-01-01T00:00:00.000Z';

const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'derailing', 'claim', 'because', 'evidence', 'never', 'always', 'source?', 'lol', '🙂', 'Ünïcode'];

/** `posts` posts in threads of 100 (reddit and mastodon), 10,000 authors, 36 months, 30 codes (6 categories of 4), 5 coders; codings in clusters of 1–3 per post, often overlapping. */
function generate(postCount: number, codingCount: number): MemoryProjectStore {
  const random = mulberry32(11);
  // 1,000 distinct texts of about 150 characters: the tables never read post text.
  const texts = Array.from({ length: 1000 }, () => {
    const words: string[] = [];
    while (words.join(' ').length < 150) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    return words.join(' ');
  });
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const t = Math.floor(i / POSTS_PER_THREAD);
    const first = t * POSTS_PER_THREAD;
    const platform: Platform = t % 2 === 0 ? 'reddit' : 'mastodon';
    if (i === first) threads.push({ id: `t${t}`, title: `Thread ${t}`, platform, rootPostId: `p${i}`, importedAt: T0, source: 'bench' });
    const month = Math.floor(random() * MONTHS);
    const createdAt = random() < 0.01 ? null : `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15T12:00:00.000Z`;
    posts.push({ id: `p${i}`, threadId: `t${t}`, parentId: i === first ? null : `p${first}`, author: `u${Math.floor(random() * 10_000)}`, createdAt, text: texts[i % texts.length]!, platform, platformId: `${i}`, url: null, meta: {} });
  }
  const codes: Code[] = Array.from({ length: CODES }, (_, k) => ({ id: `k${k}`, name: `Code ${k}`, parentId: k % 5 === 0 || k < 5 ? null : `k${Math.floor(k / 5) * 5}`, color: '#336699', order: k, ...EMPTY_CODE_FIELDS }));
  const coders: Coder[] = Array.from({ length: CODERS }, (_, c) => ({ id: `c${c}`, name: `Coder ${c}` }));
  const codings: Coding[] = [];
  while (codings.length < codingCount) {
    const post = posts[Math.floor(random() * posts.length)]!;
    const length = [...post.text].length;
    for (let n = 1 + Math.floor(random() * 3); n > 0 && codings.length < codingCount; n--) {
      const start = Math.floor(random() * (length - 1));
      const end = Math.min(length, start + 1 + Math.floor(random() * 60));
      const id = `g${codings.length}`;
      codings.push({ id, postId: post.id, threadId: post.threadId, codeId: `k${Math.floor(random() * CODES)}`, coderId: `c${Math.floor(random() * CODERS)}`, start, end, quote: '', memo: '', createdAt: T0, updatedAt: T0 });
    }
  }
  return new MemoryProjectStore({ project: { id: 'bench', name: 'Tables bench', createdAt: T0 }, threads, posts, codes, coders, codings });
}

interface Measured {
  ms: number;
  cpuMs: number;
  heapGrowthMB: number;
  retainedMB: number;
}

/** Wall and CPU time of one call through the store's reader, its heap growth and what its result retains. */
async function measure(store: MemoryProjectStore, fn: (reader: ProjectReader) => Promise<unknown>): Promise<Measured> {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const { ms: wall, cpuMs, value: result } = await timed(() => store.read(fn), false);
  const heapAfter = process.memoryUsage().heapUsed;
  gc?.();
  const retained = process.memoryUsage().heapUsed;
  if (result === undefined) throw new Error('bench/tables: no result');
  return { ms: wall, cpuMs, heapGrowthMB: (heapAfter - heapBefore) / 2 ** 20, retainedMB: Math.max(0, retained - heapBefore) / 2 ** 20 };
}

/** The baseline: the codings read through the port and grouped by post in one pass. */
async function groupByPost(reader: ProjectReader): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const c of await reader.allCodings()) counts.set(c.postId, (counts.get(c.postId) ?? 0) + 1);
  return counts;
}

const CASES: Array<{ label: string; run: (reader: ProjectReader) => Promise<unknown> }> = [
  { label: 'baseline: read codings + group by post', run: groupByPost },
  { label: 'co-occurrence, overlapping spans, count', run: (r) => coOccurrence(r, { by: 'overlap', measure: 'count' }) },
  { label: 'co-occurrence, same post, Jaccard', run: (r) => coOccurrence(r, { by: 'post', measure: 'jaccard' }) },
  { label: 'co-occurrence, same thread, count', run: (r) => coOccurrence(r, { by: 'thread', measure: 'count' }) },
  { label: 'code × month table, codings', run: (r) => codeTable(r, { cols: 'month', count: 'codings' }) },
  { label: 'code × month table, characters', run: (r) => codeTable(r, { cols: 'month', count: 'chars' }) },
  { label: 'code × author table, posts', run: (r) => codeTable(r, { cols: 'author', count: 'posts' }) },
];

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = option('tables', argv, 'runs', 5);
  const postCount = option('tables', argv, 'posts', 1_000_000);
  const codingCount = option('tables', argv, 'codings', 200_000);
  if (!gc) print('bench/tables: run with node --expose-gc for steadier timings and the memory figures');
  print(`Tables bench: Node ${process.version}, ${runs} runs, ${postCount.toLocaleString('en-US')} posts, ${codingCount.toLocaleString('en-US')} codings, ${CODES} codes, ${CODERS} coders`);
  const started = performance.now();
  const store = generate(postCount, codingCount);
  gc?.();
  print(`  generated the project in ${ms(performance.now() - started)} (heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB)`);

  const results = CASES.map(() => [] as Measured[]);
  for (let run = 1; run <= runs; run++) {
    // Interleaved, so drifting machine load hits every case alike.
    for (const [i, c] of CASES.entries()) results[i]!.push(await measure(store, c.run));
    print(`  run ${run}: ${CASES.map((c, i) => `${c.label.split(',')[0]!.split(':')[0]} ${ms(results[i]!.at(-1)!.ms)}`).join(', ')}`);
  }

  // Ratios on CPU time: with other work on the machine, wall time swings by several times between runs.
  const baseCpu = median(results[0]!.map((r) => r.cpuMs));
  print();
  print('Tables (median of runs; wall min–max; CPU; CPU ratio to the baseline; heap growth during / retained after, MB)');
  for (const [i, c] of CASES.entries()) {
    const r = results[i]!;
    const cpu = median(r.map((x) => x.cpuMs));
    const memory = `${median(r.map((x) => x.heapGrowthMB)).toFixed(0)} / ${median(r.map((x) => x.retainedMB)).toFixed(1)}`;
    print(`  ${c.label.padEnd(42)} ${range(r.map((x) => x.ms)).padEnd(30)} CPU ${ms(cpu).padEnd(9)} ${i === 0 ? '        ' : `${(cpu / baseCpu).toFixed(2)}×`.padStart(8)}   ${memory}`);
  }
  const overlap = results[1]!;
  const wall = median(overlap.map((x) => x.ms));
  const cpu = median(overlap.map((x) => x.cpuMs));
  print();
  print('Budgets (reported, not enforced):');
  // Judged on CPU time as the other Node benches are (a loaded machine stretches wall time); wall printed too.
  print(`  ${cpu <= BUDGET_MS ? 'met    ' : 'NOT MET'}  the co-occurrence matrix of ${codingCount.toLocaleString('en-US')} codings: ${ms(cpu)} CPU, ${ms(wall)} wall (≤ ${BUDGET_MS} ms), ${(cpu / baseCpu).toFixed(2)}× the baseline's CPU`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
