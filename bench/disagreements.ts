/**
 * The adjudication bench (issue 10): listDisagreements on 10,000 disagreements among ~100,000
 * codings (25,000 posts in 250 threads, two coders, two codes per post each; 6,000 units with a
 * shifted span and 2,000 posts where one coder chose another code, two disagreements each),
 * through the memory store's reader as the CLI runs it, against a baseline that builds a plain
 * array of the same rows from the same codings: one pass grouping codings by (post, code), rows
 * for the differing units, no scope, order or otherCodeIds. Budget: the query answers well under a
 * second (≤ 500 ms); the ratio to the baseline is reported for information.
 *
 * Data generation is untimed; each run times both after a GC. Built by
 * bench/disagreements.vite.config.ts, run by bench/run.mjs under `node --expose-gc`;
 * `node out/bench-disagreements/disagreements.mjs --runs N` works too.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

import { mulberry32 } from '@shared/agreement/seeded-random';
import { EMPTY_CODE_FIELDS, type Code, type Coding, type Post, type Thread } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { listDisagreements } from '@shared/project/queries/disagreements';

import { gc, median, ms, option, print, range, timed } from './node-bench-kit';

const THREADS = 250;
const POSTS_PER_THREAD = 100;
const CODES = 20;
const SHIFTED = 6_000;
const SWAPPED = 2_000;
const EXPECTED = SHIFTED + 2 * SWAPPED;
const BUDGET_MS = 500;
const T0 = '2024-05-01T12:00:00.000Z';
const TEXT = 'What about the men? That is a false equivalence and everyone here knows it.';

function project(): { store: MemoryProjectStore; codings: Coding[] } {
  const random = mulberry32(20250110);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let t = 0; t < THREADS; t++) {
    const threadId = `t-${t}`;
    threads.push({ id: threadId, title: `Thread ${t}`, platform: 'reddit', rootPostId: `${threadId}-p-0`, importedAt: new Date(Date.UTC(2024, 0, 1, 0, t)).toISOString(), source: 'bench' });
    for (let p = 0; p < POSTS_PER_THREAD; p++) {
      posts.push({ id: `${threadId}-p-${p}`, threadId, parentId: p === 0 ? null : `${threadId}-p-${p - 1}`, author: 'a', createdAt: T0, text: TEXT, platform: 'reddit', platformId: null, url: null, meta: {} });
    }
  }
  const codes: Code[] = Array.from({ length: CODES }, (_, i) => ({ id: `code-${i}`, name: `Code ${i}`, parentId: null, color: '#336699', order: i, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [] }));
  // Which posts differ: a shuffled pick, so disagreements are spread over the corpus.
  const order = posts.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const shifted = new Set(order.slice(0, SHIFTED));
  const swapped = new Set(order.slice(SHIFTED, SHIFTED + SWAPPED));
  const codings: Coding[] = [];
  let n = 0;
  const add = (post: Post, codeId: string, coderId: string, start: number, end: number): void => {
    codings.push({ id: `k-${++n}`, postId: post.id, threadId: post.threadId, codeId, coderId, start, end, quote: TEXT.slice(start, end), memo: '', createdAt: T0, updatedAt: T0 });
  };
  posts.forEach((post, i) => {
    const first = Math.floor(random() * CODES);
    const second = (first + 1 + Math.floor(random() * (CODES - 1))) % CODES;
    for (const coderId of ['coder-a', 'coder-b']) {
      const b = coderId === 'coder-b';
      add(post, `code-${first}`, coderId, 0, b && shifted.has(i) ? 19 : 18);
      add(post, b && swapped.has(i) ? `code-${(second + 1) % CODES === first ? (second + 2) % CODES : (second + 1) % CODES}` : `code-${second}`, coderId, 20, 47);
    }
  });
  const store = new MemoryProjectStore({
    project: { id: 'bench', name: 'Bench', createdAt: T0 },
    threads,
    posts,
    codes,
    coders: [
      { id: 'coder-a', name: 'Ana' },
      { id: 'coder-b', name: 'Ben' },
    ],
    codings,
  });
  return { store, codings };
}

/** The same rows, built plainly: codings grouped by (post, code), a row where the two coders' spans differ. */
function baseline(codings: readonly Coding[]): Array<{ id: string; postId: string; codeId: string; a: Coding[]; b: Coding[] }> {
  const units = new Map<string, { id: string; postId: string; codeId: string; a: Coding[]; b: Coding[] }>();
  for (const c of codings) {
    const id = `${c.postId}|${c.codeId}`;
    let unit = units.get(id);
    if (!unit) units.set(id, (unit = { id, postId: c.postId, codeId: c.codeId, a: [], b: [] }));
    (c.coderId === 'coder-a' ? unit.a : unit.b).push(c);
  }
  const rows: Array<{ id: string; postId: string; codeId: string; a: Coding[]; b: Coding[] }> = [];
  for (const unit of units.values()) {
    const same = unit.a.length === unit.b.length && unit.a.every((c, i) => c.start === unit.b[i]!.start && c.end === unit.b[i]!.end);
    if (!same) rows.push(unit);
  }
  return rows;
}

async function main(): Promise<void> {
  const runs = option('disagreements', process.argv.slice(2), 'runs', 5);
  if (!gc) print('bench/disagreements: run with node --expose-gc for steadier timings');
  const started = performance.now();
  const { store, codings } = project();
  print(`Adjudication bench: Node ${process.version}, ${runs} runs, wall clock`);
  print(`  generated ${(THREADS * POSTS_PER_THREAD).toLocaleString('en-US')} posts, ${codings.length.toLocaleString('en-US')} codings in ${ms(performance.now() - started)}`);
  const query: number[] = [];
  const plain: number[] = [];
  const queryCpu: number[] = [];
  const plainCpu: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const listed = await timed(() => store.read((reader) => listDisagreements(reader)));
    const rows = await timed(() => baseline(codings));
    if (listed.value.length !== EXPECTED || rows.value.length !== EXPECTED) {
      throw new Error(`bench/disagreements: expected ${EXPECTED} disagreements, got ${listed.value.length} (query) and ${rows.value.length} (baseline)`);
    }
    query.push(listed.ms);
    plain.push(rows.ms);
    queryCpu.push(listed.cpuMs);
    plainCpu.push(rows.cpuMs);
    print(`  run ${run}: listDisagreements ${ms(listed.ms)} (CPU ${ms(listed.cpuMs)}), plain rows ${ms(rows.ms)} (CPU ${ms(rows.cpuMs)})`);
  }
  const q = median(query);
  const p = median(plain);
  const qc = median(queryCpu);
  const pc = median(plainCpu);
  print();
  print(`listDisagreements, ${EXPECTED.toLocaleString('en-US')} disagreements of ${codings.length.toLocaleString('en-US')} codings (median of runs, min–max)`);
  print(`  ${'task'.padEnd(52)} ${'wall'.padEnd(26)} CPU (user+system)`);
  print(`  ${'listDisagreements (store read, scope, units, order)'.padEnd(52)} ${range(query).padEnd(26)} ${range(queryCpu)}`);
  print(`  ${'plain array of the same rows (baseline)'.padEnd(52)} ${range(plain).padEnd(26)} ${range(plainCpu)}`);
  print(`  ${'ratio'.padEnd(52)} ${`${(q / p).toFixed(2)}×`.padEnd(26)} ${(qc / pc).toFixed(2)}×`);
  print();
  print(`Machine: load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} CPU(s).`);
  print('Budget (reported, not enforced):');
  print(`  ${q <= BUDGET_MS ? 'met    ' : 'NOT MET'}  listDisagreements well under a second (≤ ${BUDGET_MS} ms wall): ${ms(q)} (CPU ${ms(qc)})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
