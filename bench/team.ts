/**
 * The team-loop bench (issue 10): the core's team operations must keep up with reading their input.
 *
 *   (a) mergeCoderFiles of 10 returned coder files of 100,000 codings each (a round of 20,000
 *       posts, 5 codings per post and coder) into the lead's project, through runOperation (the
 *       checks, the project's rules, the journal entry), against JSON.parse + validateBundle of
 *       the same 10 files. Budget: merge / parse ≤ 1.
 *   (b) drawSample of a round from 100,000 posts in 1,000 threads, stratified by thread (budget
 *       ≤ 100 ms of CPU time; wall time printed too) and by platform (for information). Drawn
 *       first, while the heap is small.
 *
 * Data generation (the round, the packages, the coded files) is untimed. Each run parses first and
 * merges what it parsed into a fresh copy of the lead's project. Budgets are reported, never
 * enforced. Built by bench/team.vite.config.ts, run by bench/run.mjs (`--only team`) under
 * `node --expose-gc`; `node out/bench-team/team.mjs --runs N [--codings N]` works too.
 */
import { performance } from 'node:perf_hooks';

import { mulberry32 } from '@shared/agreement/seeded-random';
import type { Bundle, BundleCoding } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import { validateBundle } from '@shared/bundle/validate';
import { EMPTY_CODE_FIELDS, type Code, type Coder, type Platform, type Post, type Thread } from '@shared/model/records';
import { bundleFromStore, storeFromBundle } from '@shared/project/bundle-store';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { mergeCoderFiles } from '@shared/project/operations/merge-coder-files';
import { startRound } from '@shared/project/operations/rounds';
import { coderPackages } from '@shared/project/queries/coder-packages';
import { runOperation } from '@shared/project/run-operation';
import { drawSample, type SamplePost } from '@shared/team/sample';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';

import { gc, median, ms, option, print, range, timed } from './node-bench-kit';

const CODERS = 10;
const CODINGS_PER_POST = 5;
const POSTS_PER_THREAD = 100;
const SAMPLE_POOL = 100_000;
const SAMPLE_SIZE = 2_000;
const SAMPLE_BUDGET_MS = 100;
const T0 = '2025-05-01T12:00:00.000Z';
const HEAD = { exportedAt: T0, app: { name: 'Threadmark', version: 'bench' } };
const ACTOR = { id: 'lead', name: 'Lead' };

const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'derailing', 'claim', 'because', 'evidence', 'never', 'always', 'source?', 'lol', '🙂', 'Ünïcode'];

function postText(random: () => number): string {
  const words: string[] = [];
  for (let n = 20 + Math.floor(random() * 30); n > 0; n--) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return words.join(' ');
}

/** The lead's project: `posts` posts in threads of 100, half reddit and half mastodon, 5 codes, 10 coders. */
function leadProject(postCount: number): MemoryProjectStore {
  const random = mulberry32(10);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const t = Math.floor(i / POSTS_PER_THREAD);
    const first = t * POSTS_PER_THREAD;
    const platform: Platform = t % 2 === 0 ? 'reddit' : 'mastodon';
    if (i === first) threads.push({ id: `t${t}`, title: `Thread ${t}`, platform, rootPostId: `p${i}`, importedAt: T0, source: 'bench' });
    const parentId = i === first ? null : `p${first + Math.floor(random() * (i - first))}`;
    posts.push({ id: `p${i}`, threadId: `t${t}`, parentId, author: `u${i % 997}`, createdAt: T0, text: postText(random), platform, platformId: `${i}`, url: null, meta: {} });
  }
  const codes: Code[] = ['Claim', 'Evidence', 'Whataboutism', 'False equivalence', 'Derailing'].map((name, order) => ({ id: `k${order}`, name, parentId: null, color: '#336699', order, ...EMPTY_CODE_FIELDS }));
  const coders: Coder[] = [ACTOR, ...Array.from({ length: CODERS }, (_, c) => ({ id: `c${c}`, name: `Coder ${c}` }))];
  return new MemoryProjectStore({ project: { id: 'lead-project', name: 'Bench study', createdAt: T0 }, threads, posts, codes, coders });
}

/** The lead's project with Round 1 started, as a bundle, and each coder's returned file as text. */
async function returnedRound(codingsPerCoder: number): Promise<{ lead: Bundle; texts: string[] }> {
  const store = leadProject(Math.ceil(codingsPerCoder / CODINGS_PER_POST));
  let n = 0;
  const env = { clock: { now: () => T0 }, ids: { newId: () => `lead-${++n}` }, actor: ACTOR };
  const threadIds = (await store.read((r) => r.threads())).map((t) => t.id);
  const coderIds = Array.from({ length: CODERS }, (_, c) => `c${c}`);
  const round = await runOperation(store, startRound, { coderIds, selection: { kind: 'threads', threadIds }, instructions: '' }, env);
  if (!round.ok) throw new Error(`bench/team: ${round.error.message}`);
  const packages = await store.read((r) => coderPackages(r, round.value.result.id, HEAD));
  if (!packages.ok) throw new Error(`bench/team: ${packages.error.message}`);
  const random = mulberry32(20);
  const texts = packages.value.map(({ bundle }) => {
    const coderId = bundle.project.package!.coderId;
    const assigned = bundle.assignments![0]!.postIds;
    const posts = new Map(bundle.posts.map((p) => [p.id, p]));
    const codings: BundleCoding[] = [];
    for (let k = 0; k < codingsPerCoder; k++) {
      const post = posts.get(assigned[Math.floor(k / CODINGS_PER_POST) % assigned.length]!)!;
      const length = codePointLength(post.text);
      const start = Math.floor(random() * (length - 1));
      const end = Math.min(length, start + 1 + Math.floor(random() * 60));
      codings.push({
        id: `${coderId}-${k}`,
        postId: post.id,
        codeId: `k${Math.floor(random() * 5)}`,
        coderId,
        start,
        end,
        quote: sliceCodePoints(post.text, start, end),
        memo: '',
        createdAt: T0,
        updatedAt: T0,
        codebookVersionId: bundle.project.package!.codebookVersionId,
      });
    }
    // What returnFile writes: the package's records with the coder's codings, no versions or journal.
    return serializeBundle({ ...bundle, codings, codebookVersions: [], journal: [] });
  });
  const lead = await bundleFromStore(store, HEAD);
  if (!lead.ok) throw new Error(`bench/team: ${lead.error.message}`);
  return { lead: lead.value, texts };
}

function parseFiles(texts: readonly string[]): Bundle[] {
  return texts.map((text, i) => {
    const result = validateBundle(JSON.parse(text));
    if (!result.ok) throw new Error(`bench/team: coder file ${i} rejected: ${JSON.stringify(result.error.slice(0, 3))}`);
    return result.value;
  });
}

function samplePool(): SamplePost[] {
  const random = mulberry32(30);
  return Array.from({ length: SAMPLE_POOL }, (_, i) => ({
    id: `p${i}`,
    threadId: `t${Math.floor(i / POSTS_PER_THREAD)}`,
    platform: Math.floor(i / POSTS_PER_THREAD) % 3 === 0 ? 'mastodon' : 'reddit',
    text: random() < 0.02 ? '' : 'some words',
    placeholder: random() < 0.01,
  }));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = option('team', argv, 'runs', 3);
  const codingsPerCoder = option('team', argv, 'codings', 100_000);
  if (!gc) print('bench/team: run with node --expose-gc for steadier timings (no GC between phases now)');
  print(`Team bench: Node ${process.version}, ${runs} runs, times are wall clock`);

  // The sample first, while the heap is small: the merge's data would put its GCs in the timings.
  let started = performance.now();
  const pool = samplePool();
  print(`  generated a pool of ${SAMPLE_POOL.toLocaleString('en-US')} posts in ${ms(performance.now() - started)}`);
  const byThread: number[] = [];
  const byThreadCpu: number[] = [];
  const byPlatform: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const thread = await timed(() => drawSample(pool, { unit: 'post', size: SAMPLE_SIZE, seed: run, stratifyBy: 'thread' }));
    const platform = await timed(() => drawSample(pool, { unit: 'post', size: SAMPLE_SIZE, seed: run, stratifyBy: 'platform' }));
    if (thread.value.length !== SAMPLE_SIZE) throw new Error(`bench/team: drew ${thread.value.length} posts, not ${SAMPLE_SIZE}`);
    byThread.push(thread.ms);
    byThreadCpu.push(thread.cpuMs);
    byPlatform.push(platform.ms);
  }

  started = performance.now();
  const { lead, texts } = await returnedRound(codingsPerCoder);
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  print(`  generated ${CODERS} coder files × ${codingsPerCoder.toLocaleString('en-US')} codings (${(chars / 1e6).toFixed(0)} M characters) in ${ms(performance.now() - started)}`);
  const parse: number[] = [];
  const merge: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const parsed = await timed(() => parseFiles(texts));
    const store = storeFromBundle(lead);
    let n = 0;
    const env = { clock: { now: () => T0 }, ids: { newId: () => `merge-${++n}` }, actor: ACTOR };
    const files = parsed.value.map((bundle, i) => ({ name: `coder-${i}.threadmark.json`, bundle }));
    const merged = await timed(() => runOperation(store, mergeCoderFiles, { files }, env));
    if (!merged.value.ok) throw new Error(`bench/team: merge refused: ${JSON.stringify(merged.value.error)}`);
    const added = merged.value.value.result.files.reduce((sum, f) => sum + f.added, 0);
    parse.push(parsed.ms);
    merge.push(merged.ms);
    print(`  (a) run ${run}: parse ${ms(parsed.ms)}, merge ${ms(merged.ms)} (${added.toLocaleString('en-US')} codings added)`);
  }

  const ratio = median(merge) / median(parse);
  print();
  print('Team loop (median of runs, min–max)');
  print(`  parse ${CODERS} coder files (JSON.parse + validateBundle)   ${range(parse)}`);
  print(`  mergeCoderFiles (runOperation, one journal entry)      ${range(merge)}   merge / parse ${ratio.toFixed(2)}×`);
  print(`  drawSample ${SAMPLE_SIZE.toLocaleString('en-US')} of ${SAMPLE_POOL.toLocaleString('en-US')}, stratified by thread   ${range(byThread)}   CPU ${range(byThreadCpu)}`);
  print(`  drawSample ${SAMPLE_SIZE.toLocaleString('en-US')} of ${SAMPLE_POOL.toLocaleString('en-US')}, stratified by platform ${range(byPlatform)}   (info)`);
  print();
  print('Budgets (reported, not enforced):');
  print(`  ${ratio <= 1 ? 'met    ' : 'NOT MET'}  merging costs no more than parsing the files: ${ratio.toFixed(2)}× (≤ 1.0×)`);
  // Judged on CPU time, as the thread bench judges script time: a loaded machine stretches wall time.
  const sampleMs = median(byThreadCpu);
  print(`  ${sampleMs <= SAMPLE_BUDGET_MS ? 'met    ' : 'NOT MET'}  a stratified sample of ${SAMPLE_POOL.toLocaleString('en-US')} posts: ${ms(sampleMs)} CPU, ${ms(median(byThread))} wall (≤ ${SAMPLE_BUDGET_MS} ms CPU)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
