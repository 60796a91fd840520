/**
 * The backup bench (issue 14, item 4): what one verified backup of a big project costs, against
 * the export it is made of. A backup is the canonical bundle serialized (the baseline: File →
 * Export project bundle does exactly this), gzipped with CompressionStream (the backup Worker),
 * then verified as decisions/0012 says: the object checked (checkBackupBundle), the bytes read back
 * compared with those written (checkReadBack, the OPFS store) and unzipped to exactly the text
 * serialized (checkUnzipped). For information, main's check of a desktop backup (unzip, parse,
 * count: checkBackupText) and the full validation a restore runs first (readBackupBundle). All of
 * it runs in the backup Worker or main, never the window: this is its cost, not a freeze.
 * 100,000 posts and 20,000 codings by default.
 * Budget (reported, never enforced): backup and verification ≤ 5× the export's serialization, so a
 * backup every 10 minutes stays a background cost. Data generation is untimed.
 * Built by bench/backup.vite.config.ts, run by bench/run.mjs (`--only backup`);
 * `node out/bench-backup/backup.mjs --runs N --posts N` works too.
 */
import { backupName } from '@shared/backup/backup-name';
import { checkBackupBundle, checkBackupText, checkReadBack, checkUnzipped, readBackupBundle } from '@shared/backup/verify-backup';
import type { Bundle } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import { EMPTY_CODE_FIELDS, type Post, type Thread } from '@shared/model/records';
import { sliceCodePoints } from '@shared/text/offsets';

import { median, ms, option, print, range, timed } from './node-bench-kit';

const argv = process.argv.slice(2);
const RUNS = option('backup', argv, 'runs', 3);
const POSTS = option('backup', argv, 'posts', 100_000);
const T0 = '2025-05-01T12:00:00.000Z';
const BUDGET = 5;

function project(postCount: number): Bundle {
  const words = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'derailing', '🙂', 'Ünïcode'];
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const t = Math.floor(i / 100);
    if (i % 100 === 0) threads.push({ id: `t-${t}`, title: `Thread ${t}`, platform: 'reddit', rootPostId: `p-${i}`, importedAt: T0, source: 'bench' });
    const text = Array.from({ length: 40 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
    posts.push({ id: `p-${i}`, threadId: `t-${t}`, parentId: i % 100 === 0 ? null : `p-${i - 1}`, author: `u${i % 997}`, createdAt: T0, text, platform: 'reddit', platformId: `r${i}`, url: null, meta: {} });
  }
  const codes = Array.from({ length: 20 }, (_, i) => ({ id: `c-${i}`, name: `Code ${i}`, parentId: null, color: '#336699', order: i, ...EMPTY_CODE_FIELDS }));
  const codings = posts
    .filter((_, i) => i % 5 === 0)
    .map((p, i) => ({ id: `k-${i}`, postId: p.id, codeId: `c-${i % 20}`, coderId: 'ada', start: 0, end: 7, quote: sliceCodePoints(p.text, 0, 7), memo: '', createdAt: T0, updatedAt: T0 }));
  return { format: 'threadmark', formatVersion: 3, exportedAt: T0, app: { name: 'Threadmark', version: 'bench' }, project: { id: 'p', name: 'Bench', createdAt: T0 }, threads, posts, codes, coders: [{ id: 'ada', name: 'Ada' }], codings, journal: [], codebookVersions: [], assignments: [] };
}

async function gzip(text: string): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}
async function gunzip(bytes: Uint8Array): Promise<string> {
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

const bundle = project(POSTS);
const counts = { posts: bundle.posts.length, codings: bundle.codings.length };
const exportMs: number[] = [];
const gzipMs: number[] = [];
const verifyMs: number[] = [];
const mainCheckMs: number[] = [];
const restoreCheckMs: number[] = [];
let sizes = { json: 0, gz: 0 };
for (let run = 0; run < RUNS; run++) {
  const serialized = await timed(() => serializeBundle(bundle));
  const zipped = await timed(() => gzip(serialized.value));
  const verified = await timed(async () => {
    const readBack = zipped.value.slice(); // what a store reads back: other bytes, the same content
    const checks = [checkBackupBundle(bundle, counts), checkReadBack(readBack, zipped.value), checkUnzipped(await gunzip(readBack), serialized.value)];
    return checks.find((c) => !c.ok) ?? checks[0]!;
  });
  if (!verified.value.ok) throw new Error(`bench/backup: the backup did not verify: ${verified.value.error}`);
  const mainCheck = await timed(async () => checkBackupText(await gunzip(zipped.value), counts));
  if (!mainCheck.value.ok) throw new Error(`bench/backup: main's check refused it: ${mainCheck.value.error}`);
  mainCheckMs.push(mainCheck.ms);
  const restoreCheck = await timed(async () => readBackupBundle(await gunzip(zipped.value), counts));
  if (!restoreCheck.value.ok) throw new Error(`bench/backup: the backup is not valid: ${restoreCheck.value.error}`);
  restoreCheckMs.push(restoreCheck.ms);
  exportMs.push(serialized.ms);
  gzipMs.push(zipped.ms);
  verifyMs.push(verified.ms);
  sizes = { json: serialized.value.length, gz: zipped.value.length };
}
const total = exportMs.map((e, i) => e + gzipMs[i]! + verifyMs[i]!);
const ratio = median(total) / median(exportMs);
print(`backup bench: ${POSTS.toLocaleString('en-US')} posts, ${counts.codings.toLocaleString('en-US')} codings, ${RUNS} runs (${backupName(T0, counts)})`);
print(`  export (serialize, baseline)   ${range(exportMs)}`);
print(`  gzip (CompressionStream)       ${range(gzipMs)}`);
print(`  verify: read back, unzip, same ${range(verifyMs)}`);
print(`  whole backup                   ${range(total)}  = ${ratio.toFixed(2)}× the export`);
print(`  (main's desktop check: parse   ${range(mainCheckMs)}, for information)`);
print(`  (restore's full validation     ${range(restoreCheckMs)}, for information)`);
print(`  size: ${(sizes.json / 1e6).toFixed(1)} MB of JSON → ${(sizes.gz / 1e6).toFixed(1)} MB gzipped (${((sizes.gz / sizes.json) * 100).toFixed(1)}%)`);
print(`  budget: whole backup ≤ ${BUDGET}× the export: ${ratio <= BUDGET ? 'met' : 'NOT MET'} (${ms(median(total))})`);
