/**
 * The backup-wait bench (issue 15, backups that do not block coding): how long a coding write waits
 * while a backup reads the project. A write waits for the read transactions before it on the same
 * tables; a backup that reads the whole project in ONE read transaction (before: projectBundle through
 * the store's read, as makeBackup did) holds every coding behind it until it ends. In pieces
 * (after: renderer/db/backup/backup-snapshot.ts) each piece is its own short transaction and the
 * journal check makes it consistent. Baseline: the same coding with no backup running.
 * On the Dexie adapter over fake-indexeddb in Node (the app's adapter code; IndexedDB itself is
 * Chromium's in the app, so figures are the adapter's and the scheduling rule's, not Chromium's):
 * 1,000 threads, 20 % of posts coded. A writer codes a random post every 5 ms while the backup reads
 * (the core's addCoding through the app's adapter: codeOnce); each coding's wait is from its call to
 * its commit. Wall time and this process's CPU are printed.
 * `node out/bench-backup-wait/backup-wait.mjs [--runs N] [--posts N]`; `--only backup-wait`.
 */
import 'fake-indexeddb/auto';

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { EMPTY_CODE_FIELDS, type Coding, type Post } from '@shared/model/records';
import { addCoding } from '@shared/project/operations/codings';
import { projectBundle, type BundleHead } from '@shared/project/queries/project-bundle';
import { runOperation } from '@shared/project/run-operation';

import { projectBundleInPieces } from '../renderer/db/backup/backup-snapshot';
import { countStoredCodings } from '../renderer/db/coding-counts';
import { ThreadmarkDB } from '../renderer/db/database';
import { appendPosts } from '../renderer/db/post-store';
import { storeOf } from '../renderer/db/run-in-project';

import { median, ms, option, print, timed } from './node-bench-kit';

const argv = process.argv.slice(2);
const RUNS = option('backup-wait', argv, 'runs', 3);
const POSTS = option('backup-wait', argv, 'posts', 100_000);
const THREADS = 1_000;
const HEAD: BundleHead = { exportedAt: '2025-05-01T12:00:00.000Z', app: { name: 'Threadmark', version: 'bench' } };
const ADA = { id: 'ada', name: 'Ada' };

async function fill(db: ThreadmarkDB): Promise<void> {
  const per = Math.max(1, Math.floor(POSTS / THREADS));
  const codings: Coding[] = [];
  await db.projects.add({ id: 'p', name: 'Bench', createdAt: HEAD.exportedAt });
  await db.threads.bulkAdd(Array.from({ length: THREADS }, (_, t) => ({ id: `t${String(t).padStart(4, '0')}`, title: `Thread ${t}`, platform: 'reddit', rootPostId: `p${t}-0`, importedAt: HEAD.exportedAt, source: 'bench' })));
  for (let t = 0; t < THREADS; t++) {
    const threadId = `t${String(t).padStart(4, '0')}`;
    const posts: Post[] = [];
    for (let i = 0; i < per; i++) {
      const id = `p${t}-${i}`;
      posts.push({ id, threadId, parentId: i === 0 ? null : `p${t}-${i - 1}`, author: `u${i % 997}`, createdAt: HEAD.exportedAt, text: `A post of about a hundred characters, as replies are: ${id} says what it thinks of it 🙂`, platform: 'reddit', platformId: id, url: null, meta: {} });
      if (i % 5 === 0) codings.push({ id: `c${codings.length}`, postId: id, threadId, codeId: `k${i % 12}`, coderId: 'ada', start: 0, end: 6, quote: 'A post', memo: '', createdAt: HEAD.exportedAt, updatedAt: HEAD.exportedAt });
    }
    await db.transaction('rw', [db.postPages, db.postFacts, db.threadStats], () => appendPosts(db, posts));
  }
  await db.codes.bulkAdd(Array.from({ length: 12 }, (_, k) => ({ id: `k${k}`, name: `Code ${k}`, parentId: null, color: '#336699', order: k, ...EMPTY_CODE_FIELDS })));
  await db.coders.bulkAdd([ADA]);
  await db.codings.bulkAdd(codings);
  await db.codingCounts.bulkPut(await countStoredCodings(db.codings));
}

let written = 0;
let ids = 0;
const ENV = { clock: { now: () => HEAD.exportedAt }, ids: { newId: () => `w${ids++}` }, actor: ADA };
/**
 * One coding as the app makes it: the core's addCoding through the Dexie adapter (read, plan, check,
 * the coding and its journal entry in one rw transaction over every project table). It once failed
 * here with PrematureCommitError when started beside a read: the adapter's read scope was a plain
 * function returning native async code, which leaks Dexie's zone (fixed in DexieProjectStore.read;
 * renderer/db/read-beside-write.test.ts), not an artefact of this build.
 */
async function codeOnce(db: ThreadmarkDB): Promise<number> {
  const n = written++;
  const per = Math.max(1, Math.floor(POSTS / THREADS));
  const t = (n * 7919) % THREADS;
  const start = performance.now();
  const coded = await runOperation(storeOf(db), addCoding, { postId: `p${t}-${(n * 104_729) % per}`, codeId: `k${n % 12}`, start: 2, end: 6 }, ENV);
  if (!coded.ok) throw new Error(`bench/backup-wait: coding ${n} refused: ${coded.error.message}`);
  return performance.now() - start;
}

/** Codes every 5 ms until `until` settles: each write's wait. */
async function writer(db: ThreadmarkDB, until: Promise<unknown>): Promise<number[]> {
  let over = false;
  void until.finally(() => (over = true));
  const waits: number[] = [];
  while (!over) {
    waits.push(await codeOnce(db));
    await sleep(5);
  }
  return waits;
}

/**
 * The backup read while the writer codes. In Node the backup's own work (a piece's decoding, the
 * bundle sorted at the end) runs on the writer's thread, which the app's backup Worker does not:
 * the longest event-loop stall is printed beside the waits to tell the two apart.
 */
async function backupWhileCoding(db: ThreadmarkDB, read: () => Promise<unknown>) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const backup = timed(read, false);
  const waits = await writer(db, backup);
  const b = await backup;
  loop.disable();
  return { backupMs: b.ms, cpuMs: b.cpuMs, waits, stallMs: loop.max / 1e6 };
}

const db = new ThreadmarkDB('threadmark-bench-backup-wait');
await db.open();
const filled = await timed(() => fill(db));
for (let i = 0; i < 5; i++) await codeOnce(db); // warm-up, not counted
const idle: number[] = [];
for (let i = 0; i < 20; i++) idle.push(await codeOnce(db));
const before: Array<Awaited<ReturnType<typeof backupWhileCoding>>> = [];
const after: Array<Awaited<ReturnType<typeof backupWhileCoding>>> = [];
/** The longest piece of each kind (its transaction and the writes between it and the last), wall and CPU ms. */
const pieceMs = new Map<string, { wall: number; cpu: number }>();
/** Each read alone (no writer), CPU ms: what reading in pieces and checking costs the backup itself. */
const alone = { before: [] as number[], after: [] as number[] };
for (let run = 0; run < RUNS; run++) {
  alone.before.push((await timed(() => storeOf(db).read((r) => projectBundle(r, HEAD)))).cpuMs);
  alone.after.push((await timed(() => projectBundleInPieces(db, HEAD))).cpuMs);
  // Interleaved, so both see the same machine load.
  before.push(await backupWhileCoding(db, () => storeOf(db).read((r) => projectBundle(r, HEAD))));
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const between = (piece: string): Promise<void> => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const was = pieceMs.get(piece) ?? { wall: 0, cpu: 0 };
    pieceMs.set(piece, { wall: Math.max(was.wall, now - last), cpu: Math.max(was.cpu, (cpu.user + cpu.system) / 1000) });
    last = now;
    lastCpu = process.cpuUsage();
    return Promise.resolve();
  };
  after.push(await backupWhileCoding(db, () => projectBundleInPieces(db, HEAD, { between })));
}
const line = (label: string, runs: typeof before): string => {
  const longest = runs.map((r) => Math.max(...r.waits));
  const med = runs.map((r) => median(r.waits));
  return `  ${label}  backup read ${ms(median(runs.map((r) => r.backupMs)))} (CPU ${ms(median(runs.map((r) => r.cpuMs)))}); codings during it ${median(runs.map((r) => r.waits.length))}, longest wait ${ms(median(longest))} (max ${ms(Math.max(...longest))}), median wait ${ms(median(med))}, longest event-loop stall ${ms(median(runs.map((r) => r.stallMs)))}; longest three of the last run ${[...runs.at(-1)!.waits].sort((a, b) => b - a).slice(0, 3).map(ms).join(', ')}`;
};
print(`backup-wait bench: ${POSTS.toLocaleString('en-US')} posts, ${THREADS} threads, fake-indexeddb (filled in ${ms(filled.ms)}), ${RUNS} runs, medians`);
print(`  a coding with no backup (baseline)  median ${ms(median(idle))}, longest ${ms(Math.max(...idle))}`);
print(`  the read alone, CPU: one transaction ${ms(median(alone.before))}, in pieces ${ms(median(alone.after))} (${(median(alone.after) / median(alone.before)).toFixed(2)}×)`);
print(line('before: one read transaction', before));
print(line('after: in pieces + journal check', after));
print(`  (longest piece by kind, wall / CPU: ${[...pieceMs].map(([k, v]) => `${k} ${ms(v.wall)} / ${ms(v.cpu)}`).join(', ')})`);
const ratio = median(before.map((r) => Math.max(...r.waits))) / median(after.map((r) => Math.max(...r.waits)));
print(`  longest coding wait during a backup: ${ratio.toFixed(1)}× shorter in pieces; after = ${(median(after.map((r) => Math.max(...r.waits))) / median(idle)).toFixed(1)}× an idle coding`);
db.close();
await ThreadmarkDB.delete('threadmark-bench-backup-wait');
