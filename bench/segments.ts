/**
 * The segments bench (issue 11, "a retrieval of 50,000 segments shows its first rows within 1.5× a
 * plain list of the same rows"). A project of 25,000 posts in 250 threads with 50,000 codings of
 * "Fallacy" and its two sub-codes and 50,000 codings of "Derailing"; through the memory store's
 * reader, as the CLI runs it.
 *
 *   retrieval   retrieveSegments(query, { limit: 100 }): the reads, the code query, the filters,
 *               the reading order of every match, and the first page of rows mapped.
 *   baseline    a plain list of the same rows: the same codings read (codingsOfCodes, the same
 *               codes) with their posts, the first 100 mapped to rows the same way (code path,
 *               coder name, context), no query, no filter, no order.
 * Budget: retrieval ≤ 1.5× baseline for the plain retrieval of 50,000 segments (with sub-codes);
 * the code queries (overlap, not, near, a coder) are reported beside it. Peak memory: the heap
 * a retrieval's selection keeps (after a GC, while it is held) and the process's peak RSS.
 *
 * Data generation is untimed; runs interleave both modes after a GC. Built by
 * bench/segments.vite.config.ts, run by bench/run.mjs (`--only segments`) under `node --expose-gc`;
 * `node out/bench-segments/segments.mjs --runs N` works too.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

import { mulberry32 } from '@shared/agreement/seeded-random';
import { codeScope, retrieveSegments, selectSegments } from '@shared/analysis/segments/retrieve-segments';
import type { SegmentQuery } from '@shared/analysis/segments/segment-query';
import { contextOf, type SegmentRow } from '@shared/analysis/segments/segment-row';
import { codePath } from '@shared/codebook/code-path';
import { EMPTY_CODE_FIELDS, type Code, type Coding, type Post, type Thread } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import type { ProjectReader } from '@shared/project/project-store';
import { sliceCodePoints } from '@shared/text/offsets';

import { gc, median, option, print, timed } from './node-bench-kit';

const THREADS = 250;
const POSTS_PER_THREAD = 100;
const SEGMENTS = 50_000;
const PAGE = 100;
const BUDGET_RATIO = 1.5;
const CODERS = [
  { id: 'coder-ada', name: 'Ada' },
  { id: 'coder-ben', name: 'Ben' },
];
const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'derailing', 'claim', 'because', 'evidence', 'never', 'always', 'source?', '🙂', 'Ünïcode'];

const code = (id: string, name: string, parentId: string | null, order: number): Code => ({ id, name, parentId, color: '#336699', order, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [] });
const CODES = [code('c-fallacy', 'Fallacy', null, 0), code('c-adhom', 'Ad hominem', 'c-fallacy', 0), code('c-straw', 'Strawman', 'c-fallacy', 1), code('c-derail', 'Derailing', null, 1)];

function project(): MemoryProjectStore {
  const random = mulberry32(20251111);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  const codings: Coding[] = [];
  for (let t = 0; t < THREADS; t++) {
    const threadId = `t-${t}`;
    threads.push({ id: threadId, title: `Thread ${t}`, platform: t % 2 ? 'reddit' : 'mastodon', rootPostId: `${threadId}-p-0`, importedAt: new Date(Date.UTC(2024, 0, 1, 0, t)).toISOString(), source: 'bench' });
    for (let p = 0; p < POSTS_PER_THREAD; p++) {
      const words: string[] = [];
      for (let n = 25 + Math.floor(random() * 40); n > 0; n--) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
      posts.push({ id: `${threadId}-p-${p}`, threadId, parentId: p === 0 ? null : `${threadId}-p-0`, author: `user${Math.floor(random() * 500)}`, createdAt: new Date(Date.UTC(2024, Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString(), text: words.join(' '), platform: t % 2 ? 'reddit' : 'mastodon', platformId: null, url: null, meta: {} });
    }
  }
  const add = (codeId: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const post = posts[Math.floor(random() * posts.length)]!;
      const length = [...post.text].length;
      const start = Math.floor(random() * (length - 10));
      const end = Math.min(length, start + 5 + Math.floor(random() * 40));
      codings.push({ id: `k-${codings.length}`, postId: post.id, threadId: post.threadId, codeId, coderId: CODERS[i % 2]!.id, start, end, quote: sliceCodePoints(post.text, start, end), memo: i % 7 === 0 ? 'a memo' : '', createdAt: '2024-06-01T00:00:00.000Z', updatedAt: '2024-06-01T00:00:00.000Z' });
    }
  };
  add('c-fallacy', SEGMENTS * 0.2);
  add('c-adhom', SEGMENTS * 0.4);
  add('c-straw', SEGMENTS * 0.4);
  add('c-derail', SEGMENTS);
  return new MemoryProjectStore({ project: { id: 'bench', name: 'Bench', createdAt: '2024-01-01T00:00:00.000Z' }, threads, posts, codes: CODES, coders: CODERS, codings });
}

/** The plain list: the same codings and posts read, the first page mapped, nothing else. */
async function plainList(reader: ProjectReader, query: SegmentQuery): Promise<{ total: number; rows: SegmentRow[] }> {
  const [codes, coders, threads] = await Promise.all([reader.codes(), reader.coders(), reader.threads()]);
  const codings = await reader.codingsOfCodes(codeScope(codes, query.codeId, query.includeSubcodes));
  const posts = await reader.posts([...new Set(codings.map((c) => c.postId))]);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names = new Map(coders.map((c) => [c.id, c.name]));
  const titles = new Map(threads.map((t) => [t.id, t.title]));
  const rows = codings.slice(0, PAGE).map((c): SegmentRow => {
    const post = posts.get(c.postId)!;
    return {
      codingId: c.id,
      postId: c.postId,
      threadId: c.threadId,
      threadTitle: titles.get(c.threadId) ?? '',
      author: post.author,
      platform: post.platform,
      postCreatedAt: post.createdAt,
      url: post.url,
      codeId: c.codeId,
      codePath: codePath(byId, c.codeId),
      matchedCodePaths: [],
      coderId: c.coderId,
      coderName: names.get(c.coderId) ?? '',
      memo: c.memo,
      quote: c.quote,
      start: c.start,
      end: c.end,
      ...contextOf(post.text, c.start, c.end),
    };
  });
  return { total: codings.length, rows };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function main(): Promise<void> {
  const runs = option('segments', process.argv.slice(2), 'runs', 5);
  if (!gc) print('bench/segments: run with node --expose-gc for steadier timings (no GC between runs now)');
  print(`Segments bench: Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}, ${runs} runs, first page of ${PAGE} rows`);
  const started = performance.now();
  const store = project();
  print(`  generated ${(THREADS * POSTS_PER_THREAD).toLocaleString('en-US')} posts and ${(SEGMENTS * 2).toLocaleString('en-US')} codings in ${ms(performance.now() - started)}`);

  const fallacy: SegmentQuery = { codeId: 'c-fallacy', includeSubcodes: true };
  const queries: Array<{ name: string; query: SegmentQuery }> = [
    { name: 'Fallacy + sub-codes', query: fallacy },
    { name: '… overlapping Derailing', query: { ...fallacy, combine: { kind: 'overlap', codeId: 'c-derail', includeSubcodes: false } } },
    { name: '… within 20 of Derailing', query: { ...fallacy, combine: { kind: 'near', codeId: 'c-derail', includeSubcodes: false, within: 20 } } },
    { name: '… not with Derailing', query: { ...fallacy, combine: { kind: 'not', codeId: 'c-derail', includeSubcodes: false } } },
    { name: '… by Ada, in 2024-03', query: { ...fallacy, coderIds: ['coder-ada'], month: '2024-03' } },
  ];

  const baseline: Array<{ ms: number; cpuMs: number }> = [];
  const times = new Map(queries.map((q) => [q.name, [] as Array<{ ms: number; cpuMs: number }>]));
  const totals = new Map<string, number>();
  for (let run = 1; run <= runs; run++) {
    const base = await timed(() => store.read((r) => plainList(r, fallacy)));
    baseline.push(base);
    if (base.value.total !== SEGMENTS) throw new Error(`bench/segments: the plain list has ${base.value.total} rows, not ${SEGMENTS}`);
    for (const { name, query } of queries) {
      const t = await timed(() => store.read((r) => retrieveSegments(r, query, { limit: PAGE })));
      if (!t.value.ok) throw new Error(`bench/segments: ${t.value.error.message}`);
      times.get(name)!.push(t);
      totals.set(name, t.value.value.total);
    }
    print(`  run ${run}: plain list ${ms(base.ms)} (CPU ${ms(base.cpuMs)}), retrieval ${ms(times.get(queries[0]!.name)!.at(-1)!.ms)} (CPU ${ms(times.get(queries[0]!.name)!.at(-1)!.cpuMs)})`);
  }
  const baseWall = median(baseline.map((t) => t.ms));
  const baseCpu = median(baseline.map((t) => t.cpuMs));
  print('');
  print(`  ${'query'.padEnd(28)} ${'segments'.padStart(9)} ${'first page'.padStart(11)} ${'× plain'.padStart(8)} ${'CPU'.padStart(11)} ${'× plain'.padStart(8)}`);
  print(`  ${'plain list (baseline)'.padEnd(28)} ${SEGMENTS.toLocaleString('en-US').padStart(9)} ${ms(baseWall).padStart(11)} ${'1.00'.padStart(8)} ${ms(baseCpu).padStart(11)} ${'1.00'.padStart(8)}`);
  for (const { name } of queries) {
    const wall = median(times.get(name)!.map((t) => t.ms));
    const cpu = median(times.get(name)!.map((t) => t.cpuMs));
    print(`  ${name.padEnd(28)} ${totals.get(name)!.toLocaleString('en-US').padStart(9)} ${ms(wall).padStart(11)} ${(wall / baseWall).toFixed(2).padStart(8)} ${ms(cpu).padStart(11)} ${(cpu / baseCpu).toFixed(2).padStart(8)}`);
  }

  // Memory: what a selection of 50,000 segments keeps while the tab shows it.
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const held = await store.read((r) => selectSegments(r, fallacy));
  // Scrolled to the end: the whole order materialized, the most a selection holds.
  if (held.ok) held.value.codingAt(held.value.total - 1);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (!held.ok) throw new Error(held.error.message);
  const ratio = median(times.get(queries[0]!.name)!.map((t) => t.ms)) / baseWall;
  const cpuRatio = median(times.get(queries[0]!.name)!.map((t) => t.cpuMs)) / baseCpu;
  print('');
  print(`  memory: a selection of ${held.value.total.toLocaleString('en-US')} segments holds ${mb(after - before)} of heap when scrolled to its end; peak RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)}`);
  print(`  budget: first rows ≤ ${BUDGET_RATIO}× the plain list: ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU: ${ratio <= BUDGET_RATIO ? 'MET' : 'NOT MET'}`);
}

await main();
