/**
 * The team-sync bench (issue 16): the first sync of a 100,000-post project must cost at most 1.5×
 * importing the same project's bundle.
 *
 *   baseline  import: the lead's bundle text parsed, validated and opened into an empty project
 *             (importBundle through runOperation, as `threadmark import`/the app's Open do), then
 *             written back as a bundle.
 *   push      the lead's first `threadmark sync`: the same bundle text opened, every document pushed
 *             to a freshly provisioned project (1,000 threads → 1,000 thread documents and 1,000
 *             post pages, 5 codes, 3 coders), what the server has applied back (an echo: nothing).
 *   pull      a coder's first sync into a fresh bundle (`threadmark sync --new`): every database the
 *             coder may read pulled, applied through sync.apply, written as a bundle.
 * Budgets (reported, never enforced): pull ≤ 1.5× import, push ≤ 1.5× import.
 *
 * The server is pouchdb-server 4.2.0 (in memory) started here through node/couch/test-server.ts
 * (or the server THREADMARK_COUCH_URL names, as for `npm run test:couchdb`).
 * It is NOT CouchDB: its storage, HTTP stack and revision handling differ, so the figures say how
 * Threadmark's side scales more than what a CouchDB cluster would take. Each run uses a new project.
 * Built by bench/sync.vite.config.ts, run by bench/run.mjs (`--only sync`).
 */
import { readFileSync } from 'node:fs';

import { mulberry32 } from '@shared/agreement/seeded-random';
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import { EMPTY_CODE_FIELDS, type Code, type Coder, type Post, type Thread } from '@shared/model/records';
import { bundleFromStore, storeFromBundle } from '@shared/project/bundle-store';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { importBundle } from '@shared/project/operations/bundle-import';
import { runOperation } from '@shared/project/run-operation';

import { syncProject } from '../cli/sync/sync-project';
import { provisionProject } from '../node/couch/provision';
import { connectTestCouch, uniqueProjectKey } from '../node/couch/test-server';
import { median, ms, option, print, timed } from './node-bench-kit';

const POSTS_PER_THREAD = 100;
const BUDGET = 1.5;
const T0 = '2025-05-01T12:00:00.000Z';
const HEAD = { exportedAt: T0, app: { name: 'Threadmark', version: 'bench' } };
const LEAD: Coder = { id: 'c-lena', name: 'Lena' };
const PASSWORDS = new Map([
  ['lena', 'lena-pw'],
  ['ada', 'ada-pw'],
]);
const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'derailing', 'claim', 'because', 'evidence', 'never', 'always', 'source?', 'lol', '🙂', 'Ünïcode'];

function leadBundleText(postCount: number): Promise<string> {
  const random = mulberry32(16);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const t = Math.floor(i / POSTS_PER_THREAD);
    const first = t * POSTS_PER_THREAD;
    if (i === first) threads.push({ id: `t${t}`, title: `Thread ${t}`, platform: 'reddit', rootPostId: `p${i}`, importedAt: T0, source: 'bench' });
    const words: string[] = [];
    for (let n = 20 + Math.floor(random() * 30); n > 0; n--) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    posts.push({ id: `p${i}`, threadId: `t${t}`, parentId: i === first ? null : `p${first + Math.floor(random() * (i - first))}`, author: `u${i % 997}`, createdAt: T0, text: words.join(' '), platform: 'reddit', platformId: `${i}`, url: null, meta: {} });
  }
  const codes: Code[] = ['Claim', 'Evidence', 'Whataboutism', 'False equivalence', 'Derailing'].map((name, order) => ({ id: `k${order}`, name, parentId: null, color: '#336699', order, ...EMPTY_CODE_FIELDS }));
  const store = new MemoryProjectStore({ project: { id: 'bench-project', name: 'Bench study', createdAt: T0 }, threads, posts, codes, coders: [LEAD, { id: 'c-ada', name: 'Ada' }, { id: 'c-ben', name: 'Ben' }] });
  return bundleText(store);
}

async function bundleText(store: MemoryProjectStore): Promise<string> {
  const bundle = await bundleFromStore(store, HEAD);
  if (!bundle.ok) throw new Error(`bench/sync: ${bundle.error.message}`);
  return serializeBundle(bundle.value);
}

function parsed(text: string) {
  const bundle = parseBundleText(text);
  if (!bundle.ok) throw new Error(`bench/sync: ${bundle.error[0]?.message}`);
  return bundle.value;
}

/** CPU time (user + system, ms) of a process on Linux, from /proc; NaN elsewhere or for a server not started here. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

let ids = 0;
const env = (actor: Coder) => ({ clock: { now: () => T0 }, ids: { newId: () => `bench-${++ids}` }, actor });

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const postCount = option('sync', argv, 'posts', 100_000);
  const runs = option('sync', argv, 'runs', 3);
  const text = await leadBundleText(postCount);
  print(`bench/sync: ${postCount.toLocaleString('en-US')} posts in ${Math.ceil(postCount / POSTS_PER_THREAD).toLocaleString('en-US')} threads, bundle ${(text.length / 2 ** 20).toFixed(1)} MB; server: pouchdb-server 4.2.0 in memory (not CouchDB)`);
  // THREADMARK_COUCH_URL / _ADMIN / _ADMIN_PASSWORD point it at another server (a real CouchDB).
  const couch = await connectTestCouch();
  const imports: number[] = [];
  const pushes: number[] = [];
  const pulls: number[] = [];
  /** This process's CPU time: Threadmark's own work, without the server's (a separate process). */
  const cpu = { import: [] as number[], push: [] as number[], pull: [] as number[] };
  /** The server's CPU time over the same spans (pouchdb-server's own work: parsing, validation, storage). */
  const serverCpu = { push: [] as number[], pull: [] as number[] };
  try {
    for (let run = 1; run <= runs; run++) {
      const project = uniqueProjectKey('bench');
      // One turn of the event loop first: the last run ended in seconds of synchronous work, during
      // which the server closed idle kept-alive connections; reusing one unseen fails the request.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const provisioned = await provisionProject({ url: couch.url, admin: couch.admin, project, leads: ['lena'], coders: ['ada'], passwords: PASSWORDS });
      if (!provisioned.ok) throw new Error(`bench/sync: ${provisioned.error.message}`);

      const imported = await timed(async () => {
        const store = new MemoryProjectStore();
        const done = await runOperation(store, importBundle, { bundle: parsed(text), source: 'lead.threadmark.json' }, env(LEAD));
        if (!done.ok) throw new Error(`bench/sync: ${done.error.message}`);
        return (await bundleText(store)).length;
      });
      const serverBeforePush = processCpuMs(couch.pid?.());
      const pushed = await timed(async () => {
        const store = storeFromBundle(parsed(text));
        const done = await syncProject(store, { url: couch.url, project, auth: { user: 'lena', password: 'lena-pw' }, origin: 'bench-lead' }, env(LEAD));
        if (!done.ok) throw new Error(`bench/sync: push: ${done.error.message}`);
        await bundleText(store);
        return done.value;
      });
      const serverBeforePull = processCpuMs(couch.pid?.());
      const pulled = await timed(async () => {
        const store = new MemoryProjectStore();
        const done = await syncProject(store, { url: couch.url, project, auth: { user: 'ada', password: 'ada-pw' }, origin: 'bench-ada' }, env({ id: 'c-ada', name: 'Ada' }));
        if (!done.ok) throw new Error(`bench/sync: pull: ${done.error.message}`);
        const out = await bundleText(store);
        return { report: done.value, posts: store.data().posts.length, bytes: out.length };
      });
      const serverAfterPull = processCpuMs(couch.pid?.());
      serverCpu.push.push(serverBeforePull - serverBeforePush);
      serverCpu.pull.push(serverAfterPull - serverBeforePull);
      if (pulled.value.posts !== postCount) throw new Error(`bench/sync: the coder pulled ${pulled.value.posts} posts, not ${postCount}`);
      imports.push(imported.ms);
      pushes.push(pushed.ms);
      pulls.push(pulled.ms);
      cpu.import.push(imported.cpuMs);
      cpu.push.push(pushed.cpuMs);
      cpu.pull.push(pulled.cpuMs);
      print(`  run ${run}: import ${ms(imported.ms)}; push ${ms(pushed.ms)} (${pushed.value.pushed.written.toLocaleString('en-US')} documents; Threadmark's CPU ${ms(pushed.cpuMs)}); pull ${ms(pulled.ms)} (${pulled.value.report.pulled.docs.toLocaleString('en-US')} documents, ${pulled.value.posts.toLocaleString('en-US')} posts; Threadmark's CPU ${ms(pulled.cpuMs)}); server CPU: push ${ms(serverCpu.push.at(-1)!)}, pull ${ms(serverCpu.pull.at(-1)!)}`);
    }
  } finally {
    await couch.stop();
  }
  const base = median(imports);
  const rows: Array<[string, number]> = [
    ['push (lead, first sync)', median(pushes)],
    ['pull (coder, fresh bundle)', median(pulls)],
  ];
  print('');
  print(`  import (baseline)              ${ms(base).padStart(11)}`);
  for (const [name, value] of rows) print(`  ${name.padEnd(30)} ${ms(value).padStart(11)}  ${(value / base).toFixed(2)}× import  ${value / base <= BUDGET ? 'met' : 'NOT MET'} (budget ≤ ${BUDGET}×)`);
  print(`  Threadmark's CPU time only (the server is another process): import ${ms(median(cpu.import))}, push ${ms(median(cpu.push))} (${(median(cpu.push) / median(cpu.import)).toFixed(2)}×), pull ${ms(median(cpu.pull))} (${(median(cpu.pull) / median(cpu.import)).toFixed(2)}×)`);
  print(`  the server's CPU time (pouchdb-server, ${process.env.THREADMARK_COUCH_VALIDATION_CACHE === '0' ? 'validation compiled per document' : 'validation compiled once per design document revision'}): push ${ms(median(serverCpu.push))}, pull ${ms(median(serverCpu.pull))}; push: Threadmark + server ${((median(cpu.push) + median(serverCpu.push)) / median(cpu.import)).toFixed(2)}× import's CPU`);
  print('  (medians of wall time; pouchdb-server is a stand-in for CouchDB: figures against a real CouchDB will differ)');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
