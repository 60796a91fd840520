/**
 * The post-metadata bench (issue 15, part 4): what the post facts table (migration 0010) saves the
 * app's readers, on the Dexie adapter over fake-indexeddb in Node (the same adapter code the app
 * runs; IndexedDB itself is Chromium's in the app, so these are the adapter's costs, not the
 * browser's), at 100,000 and 1,000,000 posts (1,000 threads; 20 % of posts coded by two coders;
 * Reddit and Mastodon metadata; 5,000 authors).
 *
 *   code × author   before: the coded posts read from the post pages (reader.posts, every page
 *                   once past 200 ids) and the table built from them, as readTableInput did;
 *                   after: codeTable(reader) as it is now, reading the facts pages.
 *   Attributes tab  before: every post read from the pages and derived; after: attributesOf(reader)
 *                   over reader.postFacts().
 *   migration 0010  filling the facts pages from the stored post pages, once, when the app first
 *                   opens a project after the update.
 *
 * Each size runs in its own child process; runs interleave before and after after a GC; medians.
 * `node --expose-gc out/bench-post-meta/post-meta.mjs [--runs N] [--sizes 100000,1000000]`.
 */
import 'fake-indexeddb/auto';

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { attributesOf, attributeTables } from '@shared/analysis/attributes/attributes-of';
import { buildCodeTable, codeTable } from '@shared/analysis/tables/code-table';
import { readTableInput } from '@shared/analysis/tables/table-input';
import { EMPTY_CODE_FIELDS, type Coding, type Post } from '@shared/model/records';
import { postFactsOf } from '@shared/project/post-facts';
import type { ProjectReader } from '@shared/project/project-store';

import { countStoredCodings } from '../renderer/db/coding-counts';
import { ThreadmarkDB } from '../renderer/db/database';
import { dexieReader } from '../renderer/db/dexie-project-store';
import { MIGRATIONS } from '../renderer/db/migrations';
import { allPosts, appendPosts } from '../renderer/db/post-store';

import { median, option, print, timed } from './node-bench-kit';

const THREADS = 1_000;
const AUTHORS = 5_000;
const SIZES = [100_000, 1_000_000];
const T0 = Date.UTC(2024, 0, 1);

interface SizeResult {
  posts: number;
  codings: number;
  migrationMs: number;
  migrationCpuMs: number;
  /** CPU ms (user + system) of this process per run: fake-indexeddb waits on timers between requests, which wall time counts. */
  tableBefore: number[];
  tableAfter: number[];
  attributesBefore: number[];
  attributesAfter: number[];
}

/** Writes the project at schema 9 (no facts), a thread at a time, and returns its codings. */
async function fill(db: ThreadmarkDB, postCount: number): Promise<Coding[]> {
  let seed = 15;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const per = Math.floor(postCount / THREADS);
  const codings: Coding[] = [];
  await db.threads.bulkAdd(Array.from({ length: THREADS }, (_, t) => ({ id: `t${String(t).padStart(4, '0')}`, title: `Thread ${t}`, platform: t % 4 === 0 ? 'mastodon' : 'reddit', rootPostId: `p${t}-0`, importedAt: new Date(T0).toISOString(), source: 'bench' })));
  for (let t = 0; t < THREADS; t++) {
    const threadId = `t${String(t).padStart(4, '0')}`;
    const mastodon = t % 4 === 0;
    const posts: Post[] = [];
    for (let i = 0; i < per; i++) {
      const author = `user${next() % AUTHORS}`;
      const id = `p${t}-${i}`;
      posts.push({
        id,
        threadId,
        parentId: i === 0 ? null : `p${t}-${i - 1}`,
        author,
        createdAt: new Date(T0 + (t * per + i) * 60_000).toISOString(),
        text: `A post of about a hundred characters, as replies are: ${id} says what ${author} thinks of it 🙂`,
        platform: mastodon ? 'mastodon' : 'reddit',
        platformId: id,
        url: null,
        meta: mastodon ? { language: i % 3 === 0 ? 'de' : 'en', acct: `${author}@social.example`, followers_count: next() % 5000 } : { subreddit: `sub${t % 50}`, score: i },
      });
      if (next() % 5 !== 0) continue;
      for (const coderId of ['ada', 'ben']) codings.push({ id: `c${codings.length}`, postId: id, threadId, codeId: `k${next() % 12}`, coderId, start: 0, end: 6, quote: 'A post', memo: '', createdAt: '', updatedAt: '' } as Coding);
    }
    await db.transaction('rw', [db.postPages, db.threadStats], () => appendPosts(db, posts));
  }
  await db.codes.bulkAdd(Array.from({ length: 12 }, (_, k) => ({ id: `k${k}`, name: `Code ${k}`, parentId: null, color: '#336699', order: k, ...EMPTY_CODE_FIELDS })));
  await db.coders.bulkAdd([
    { id: 'ada', name: 'Ada' },
    { id: 'ben', name: 'Ben' },
  ]);
  await db.codings.bulkAdd(codings);
  await db.codingCounts.bulkPut(await countStoredCodings(db.codings));
  return codings;
}

const tables = (db: ThreadmarkDB) => [db.projects, db.threads, db.postPages, db.postFacts, db.threadStats, db.codes, db.coders, db.codings, db.attributes, db.attributeValues];
const read = <T>(db: ThreadmarkDB, fn: (reader: ProjectReader) => Promise<T>): Promise<T> => db.transaction('r', tables(db), () => fn(dexieReader(db)));

const OPTIONS = { cols: 'author', count: 'codings' } as const;

/** The code × author table as readTableInput read it before the facts: the coded posts from the post pages. */
async function tableBefore(reader: ProjectReader): Promise<number> {
  const input = await readTableInput(reader, { posts: false, labels: true });
  const ids = [...new Set(input.codings.map((c) => c.postId))];
  return buildCodeTable({ ...input, posts: await reader.posts(ids) }, OPTIONS).total;
}

/** The Attributes tab before the facts: every post read from the pages, then derived. */
async function attributesBefore(db: ThreadmarkDB, reader: ProjectReader): Promise<number> {
  const [threads, posts, attributes, values] = await Promise.all([reader.threads(), allPosts(db), reader.attributes(), reader.attributeValues()]);
  return attributeTables(threads, posts.map(postFactsOf), attributes, values).author.cases.length;
}

async function child(postCount: number, runs: number): Promise<void> {
  const name = `threadmark-bench-post-meta-${postCount}`;
  const old = new ThreadmarkDB(name, MIGRATIONS.filter((m) => m.version < 10));
  await old.open();
  const codings = await fill(old, postCount);
  old.close();
  const db = new ThreadmarkDB(name);
  const migration = await timed(() => db.open());
  const result: SizeResult = { posts: postCount, codings: codings.length, migrationMs: migration.ms, migrationCpuMs: migration.cpuMs, tableBefore: [], tableAfter: [], attributesBefore: [], attributesAfter: [] };
  for (let run = 0; run < runs; run++) {
    const before = await timed(() => read(db, tableBefore));
    const after = await timed(() => read(db, (r) => codeTable(r, OPTIONS)));
    if (before.value !== after.value.total) throw new Error(`bench/post-meta: the tables differ (${before.value} vs ${after.value.total})`);
    result.tableBefore.push(before.cpuMs);
    result.tableAfter.push(after.cpuMs);
    const attrBefore = await timed(() => read(db, (r) => attributesBefore(db, r)));
    const attrAfter = await timed(() => read(db, attributesOf));
    if (attrBefore.value !== attrAfter.value.author.cases.length) throw new Error('bench/post-meta: the attribute tables differ');
    result.attributesBefore.push(attrBefore.cpuMs);
    result.attributesAfter.push(attrAfter.cpuMs);
  }
  db.close();
  print(JSON.stringify(result));
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

function main(sizes: readonly number[], runs: number): void {
  print(`post-meta bench: the Dexie adapter over fake-indexeddb in Node, ${sizes.map(fmt).join(' / ')} posts, ${THREADS} threads, ${AUTHORS} authors, 20 % coded by two coders; ${runs} runs, medians`);
  print('');
  print('CPU ms of the process (fake-indexeddb waits on timers between requests: wall time would count the waits)');
  print('| posts | codings | code × author before ms | after ms | ratio | Attributes before ms | after ms | ratio | migration 0010 ms (wall) |');
  print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes) {
    const out = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', fileURLToPath(import.meta.url), '--child', String(size), '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (out.status !== 0) {
      print(`| ${fmt(size)} | FAILED (${out.status ?? out.signal}): ${out.stderr.trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    const r = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as SizeResult;
    const [tb, ta, ab, aa] = [median(r.tableBefore), median(r.tableAfter), median(r.attributesBefore), median(r.attributesAfter)];
    print(`| ${fmt(r.posts)} | ${fmt(r.codings)} | ${fmt(tb)} | ${fmt(ta)} | ${(ta / tb).toFixed(2)}× | ${fmt(ab)} | ${fmt(aa)} | ${(aa / ab).toFixed(2)}× | ${fmt(r.migrationCpuMs)} (${fmt(r.migrationMs)}) |`);
  }
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
const sizesAt = argv.indexOf('--sizes');
const runs = option('post-meta', argv, 'runs', 3);
if (childAt !== -1) await child(Number(argv[childAt + 1]), runs);
else main(sizesAt === -1 ? SIZES : argv[sizesAt + 1]!.split(',').map(Number), runs);
