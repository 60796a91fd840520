import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { attributesOf } from '@shared/analysis/attributes/attributes-of';
import { codeTable } from '@shared/analysis/tables/code-table';
import type { TableColumnKind } from '@shared/analysis/tables/table-options';
import type { Bundle } from '@shared/bundle/bundle';
import { EMPTY_CODE_FIELDS, type Post, type PostMeta } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { casesOf } from '@shared/project/operations/attributes';
import { importBundle } from '@shared/project/operations/bundle-import';
import { applyPlatformDeletions } from '@shared/project/operations/platform-deletions';
import { revertEntry } from '@shared/project/operations/revert';
import { deleteThread } from '@shared/project/operations/threads';
import { postFactsOf } from '@shared/project/post-facts';
import type { ProjectReader, ProjectStore } from '@shared/project/project-store';
import { runOperation, type CoreEnv } from '@shared/project/run-operation';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

const T0 = '2025-01-01T00:00:00.000Z';
const post = (id: string, threadId: string, platform: Post['platform'], author: string, createdAt: string | null, meta: PostMeta = {}): Post => ({
  id,
  threadId,
  parentId: null,
  author,
  createdAt,
  text: `post ${id} 🙂`,
  platform,
  platformId: id,
  url: null,
  meta,
});

/** Three threads, two platforms, the metadata attributes derive from, and more than 200 coded posts (the tables read facts, not lookups). */
function project(): Bundle {
  const posts: Post[] = [
    post('m1', 't-m', 'mastodon', 'ana', '2025-02-03T10:00:00.000Z', { acct: ' ana@scholar.social ', language: 'de,en', followers_count: '120' }),
    post('m2', 't-m', 'mastodon', 'ben', '2025-03-01T00:00:00+02:00', { instance: 'mastodon.example', lang: 'en', followers: 7 }),
    post('m3', 't-m', 'mastodon', '', null, { placeholder: 'missing' }),
    post('m4', 't-m', 'mastodon', 'ana', '2025-01-15T00:00:00.000Z', { acct: 'ana@other.example', langs: ' ' }),
  ];
  for (let i = 0; i < 260; i++) posts.push(post(`r${i}`, 't-r', 'reddit', `u${i % 7}`, `2024-${String((i % 12) + 1).padStart(2, '0')}-05T08:00:00.000Z`, { subreddit: i % 2 ? 'AskX' : ' askx ', score: i }));
  posts.push(post('x1', 't-x', 'reddit', 'ana', '2024-12-31T23:59:59.000Z', { subreddit: 'other' }));
  const coders = [
    { id: 'ada', name: 'Ada' },
    { id: 'bo', name: 'Bo' },
  ];
  const codes = ['k1', 'k2'].map((id, order) => ({ id, name: id, parentId: null, color: '#336699', order, ...EMPTY_CODE_FIELDS }));
  const codings = posts
    .filter((p) => p.author !== '')
    .flatMap((p, i) => coders.map((c, j) => ({ id: `c-${p.id}-${c.id}`, postId: p.id, codeId: codes[(i + j) % 2]!.id, coderId: c.id, start: 0, end: 4, quote: 'post', memo: '', createdAt: T0, updatedAt: T0 })));
  const thread = (id: string, platform: Post['platform'], rootPostId: string, importedAt: string) => ({ id, title: `Thread ${id}`, platform, rootPostId, importedAt, source: `${id}.json` });
  return {
    format: 'threadmark',
    formatVersion: 3,
    exportedAt: T0,
    app: { name: 'Threadmark', version: 'test' },
    project: { id: 'project', name: 'Facts', createdAt: T0 },
    threads: [thread('t-m', 'mastodon', 'm1', T0), thread('t-r', 'reddit', 'r0', '2025-01-02T00:00:00.000Z'), thread('t-x', 'reddit', 'x1', '2025-01-03T00:00:00.000Z')],
    posts,
    codes,
    coders,
    codings,
    codebookVersions: [],
  };
}

const COLUMNS: readonly TableColumnKind[] = ['author', 'platform', 'month'];

/** What the post facts feed, read through the port. */
async function readViews(store: ProjectStore) {
  // A read per view, as the app's views each read.
  const read = <T,>(fn: (reader: ProjectReader) => Promise<T>) => store.read(fn);
  return {
    facts: await read((r) => r.postFacts()),
    naive: await read(async (r) => (await r.allPosts()).map(postFactsOf)),
    attributes: await read(attributesOf),
    authors: [...(await read((r) => casesOf(r, 'author'))).keys()].sort(),
    tables: await read((r) => Promise.all(COLUMNS.map((cols) => codeTable(r, { cols, count: 'codings' })))),
  };
}

/** code × author counted straight from the posts and codings: the independent check. */
async function naiveAuthorCounts(store: ProjectStore): Promise<Map<string, number>> {
  return store.read(async (reader) => {
    const posts = new Map((await reader.allPosts()).map((p) => [p.id, p]));
    const counts = new Map<string, number>();
    for (const c of await reader.allCodings()) {
      const key = `${c.codeId}|${posts.get(c.postId)!.author}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  });
}

function tableCounts(table: Awaited<ReturnType<typeof codeTable>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of table.rows) row.cells.forEach((n, i) => n > 0 && counts.set(`${row.codeId}|${table.columns[i]!.key}`, n));
  return counts;
}

describe('post facts: one core, two adapters', () => {
  it('Dexie keeps each post’s facts in step through import, thread delete, tombstones and undo, and both stores give the same tables and attributes', async () => {
    const db = freshDb();
    const stores: ProjectStore[] = [new DexieProjectStore(db), new MemoryProjectStore()];
    const envs: CoreEnv[] = stores.map(() => ({ clock: testClock(), ids: testIds(), actor: { id: 'ada', name: 'Ada' } }));
    // One store after the other: a Dexie transaction is not shared with another store's awaits.
    const step = async <I, R>(op: Parameters<typeof runOperation<I, unknown, R>>[1], input: I) => {
      const entries: string[] = [];
      for (const [i, store] of stores.entries()) {
        const applied = await runOperation(store, op, input, envs[i]!);
        if (!applied.ok) throw new Error(applied.error.message);
        entries.push(applied.value.entry!.id);
      }
      return entries;
    };
    const check = async (label: string) => {
      const dexie = await readViews(stores[0]!);
      const memory = await readViews(stores[1]!);
      // Each store's facts are its posts' facts, in allPosts' order; and the two stores agree.
      expect(dexie!.facts, label).toEqual(dexie!.naive);
      expect(memory!.facts, label).toEqual(memory!.naive);
      expect(dexie, label).toEqual(memory);
      expect(tableCounts(dexie!.tables[0]!), label).toEqual(await naiveAuthorCounts(stores[1]!));
      return dexie!;
    };

    await step(importBundle, { bundle: project(), source: 'facts.json' });
    const first = await check('after the import');
    expect(first.facts).toHaveLength(265);
    const ana = first.attributes.author.cases.find((c) => c.subject === 'ana')!;
    expect(ana.values).toEqual({ platform: 'mastodon, reddit', posts: 3, threads: 2, 'first post': '2024-12-31', instance: 'other.example', subreddit: 'other', language: 'de', followers: 120 });
    expect(first.attributes.thread.cases.find((c) => c.subject === 't-m')!.values).toMatchObject({ posts: 4, authors: 2, instance: 'scholar.social', language: 'de' });
    expect(first.attributes.thread.cases.find((c) => c.subject === 't-r')!.values).toMatchObject({ subreddit: 'askx', posts: 260, authors: 7 });
    expect(first.authors).toEqual(['ana', 'ben', 'u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    const months = first.tables[2]!.columns.map((c) => c.key);
    // The +02:00 time falls in February UTC.
    expect(months).toContain('2025-02');
    expect(months).not.toContain('2025-03');

    const [deletedThread] = await step(deleteThread, { threadId: 't-x' });
    const afterDelete = await check('after deleting a thread');
    expect(afterDelete.facts.some((f) => f.threadId === 't-x')).toBe(false);

    const [tombstones] = await step(applyPlatformDeletions, { kind: 'users', ids: ['ben', 'u3'] });
    const afterTombstones = await check('after platform deletions');
    expect(afterTombstones.facts.find((f) => f.id === 'm2')).toMatchObject({ author: '', deleted: true });
    expect(afterTombstones.authors).not.toContain('ben');

    await step(revertEntry, { entryId: tombstones!, verb: 'undo' });
    await step(revertEntry, { entryId: deletedThread!, verb: 'undo' });
    const restored = await check('after undoing both');
    expect(restored.facts).toEqual(first.facts);
    await db.delete();
   }, 30_000);
});
