/**
 * Issue #16's scenarios through `threadmark sync`, against a CouchDB API server (pouchdb-server
 * here; a real CouchDB 3.x with `npm run test:couchdb`): two coders and a lead; each codes offline
 * in their own bundle and syncs; the lead sees both layers, each coder only their own; a coder
 * asking for the other's layer over HTTP is refused; the same memo edited on two machines is a
 * reported conflict with both versions kept; a server killed mid-sync loses and duplicates nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import type { Post } from '@shared/model/records';
import { bundleFromStore, storeFromBundle } from '@shared/project/bundle-store';
import { MemoryProjectStore } from '@shared/project/memory-store';
import type { Operation } from '@shared/project/operation';
import { addCode } from '@shared/project/operations/codebook';
import { addCoder } from '@shared/project/operations/coders';
import { addCoding, editMemo } from '@shared/project/operations/codings';
import { deleteThread } from '@shared/project/operations/threads';
import { importThreads } from '@shared/project/operations/threads-import';
import { runOperation } from '@shared/project/run-operation';
import { counterIds, post, steppingClock, thread } from '@shared/project/testing/core-fixtures.test-helpers';
import { asSyncDoc } from '@shared/sync/doc-mapping';
import { databaseName } from '@shared/sync/names';

import { couchFetch, couchPath } from '../../node/couch/couch-http';
import { provisionProject } from '../../node/couch/provision';
import { connectTestCouch, startTestCouch, uniqueProjectKey, type TestCouch } from '../../node/couch/test-server';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const HEAD = { exportedAt: '2026-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };
const PASSWORDS = new Map([
  ['lena', 'lena-pw'],
  ['ada', 'ada-pw'],
  ['ben', 'ben-pw'],
]);
const LENA = { id: 'coder-lena', name: 'Lena' };
const ADA = { id: 'coder-ada', name: 'Ada' };
const BEN = { id: 'coder-ben', name: 'Ben' };

let couch: TestCouch;
beforeAll(async () => {
  couch = await connectTestCouch();
}, 30_000);
afterAll(() => couch?.stop());

/** Files shared by every machine of a scenario (each bundle is one machine). */
function machines() {
  const m = memoryIo(Object.fromEntries([...PASSWORDS].map(([user, pw]) => [`${user}.pw`, `${pw}\n`])));
  const sync = async (user: string, bundle: string | null, server = couch) => {
    const before = [m.stdout().length, m.stderr().length] as const;
    const args = ['sync', ...(bundle === null ? ['--new'] : [bundle]), '--url', server.url, '--project', project, '--user', user, '--password-file', `${user.toLowerCase()}.pw`, '-o', bundle ?? `${user}.json`];
    const code = await run(args, m.io);
    return { code, out: m.stdout().slice(before[0]), err: m.stderr().slice(before[1]) };
  };
  const read = (path: string): Bundle => {
    const parsed = parseBundleText(m.files.get(path)!);
    if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join('; '));
    return parsed.value;
  };
  /** Works offline on a bundle: opens it, runs operations as `actor`, saves it. */
  const work = async (path: string, actor: { id: string; name: string }, steps: (run: <I, S, R>(op: Operation<I, S, R>, input: I) => Promise<R>) => Promise<void>) => {
    const store = storeFromBundle(read(path));
    const env = { clock: steppingClock(), ids: counterIds(`${actor.id}-${Math.random().toString(36).slice(2, 7)}`), actor };
    await steps(async (op, input) => {
      const done = await runOperation(store, op, input, env);
      if (!done.ok) throw new Error(done.error.message);
      return done.value.result;
    });
    await save(store, path);
  };
  const save = async (store: MemoryProjectStore, path: string) => {
    const bundle = await bundleFromStore(store, HEAD);
    if (!bundle.ok) throw new Error(bundle.error.message);
    m.files.set(path, serializeBundle(bundle.value));
  };
  return { m, sync, read, work, save };
}

let project = '';

/** The lead's project: one thread of three posts, a code, three coders. */
async function leadProject(posts: Post[] = [post('p-1', 'Men are victims too', null), post('p-2', 'What about the families?'), post('p-3', 'That is a false equivalence')]): Promise<MemoryProjectStore> {
  const store = new MemoryProjectStore();
  const env = { clock: steppingClock(), ids: counterIds('lead'), actor: LENA };
  const threads = [...new Set(posts.map((p) => p.threadId))].map((id) => thread(id, posts.find((p) => p.threadId === id)!.id));
  for (const [op, input] of [
    [importThreads, { threads, posts, projectName: 'Team', source: 'threads.json' }],
    [addCoder, LENA],
    [addCoder, ADA],
    [addCoder, BEN],
    [addCode, { name: 'Whataboutism', color: '#336699' }],
  ] as const) {
    const done = await runOperation(store, op as Operation<unknown, unknown, unknown>, input, env);
    if (!done.ok) throw new Error(done.error.message);
  }
  return store;
}

async function provision(key: string, server = couch): Promise<void> {
  project = key;
  const done = await provisionProject({ url: server.url, admin: server.admin, project, leads: ['lena'], coders: ['ada', 'ben'], passwords: PASSWORDS });
  if (!done.ok) throw new Error(done.error.message);
}

describe('a team syncing through the server', () => {
  it('each codes offline and syncs; the lead sees both layers, each coder only their own; the blind rule holds over HTTP', async () => {
    await provision(uniqueProjectKey('s2a'));
    const { m, sync, read, work, save } = machines();
    await save(await leadProject(), 'lena.json');

    const first = await sync('lena', 'lena.json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/signed in as lena \(lead, coder “Lena”\)/);
    // project, thread, one page, three coders, a code, the codebook's journal entry.
    expect(first.out).toMatch(/^pushed 8 documents$/m);

    for (const user of ['ada', 'ben']) {
      const pulled = await sync(user, null);
      expect(pulled.err).toBe('');
      expect(pulled.code).toBe(0);
      expect(read(`${user}.json`).posts.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3']);
    }
    const codeId = read('ada.json').codes[0]!.id;
    await work('ada.json', ADA, async (op) => {
      await op(addCoding, { postId: 'p-2', codeId, start: 0, end: 4, memo: 'deflects' });
    });
    await work('ben.json', BEN, async (op) => {
      await op(addCoding, { postId: 'p-3', codeId, start: 10, end: 27 });
      await op(addCoding, { postId: 'p-1', codeId, start: 0, end: 3 });
    });
    const adaSync = await sync('ada', 'ada.json');
    expect(adaSync.code).toBe(0);
    expect(adaSync.out).toMatch(/^pushed 1 document$/m);
    expect(adaSync.out).not.toMatch(/not pushed/);
    expect((await sync('ben', 'ben.json')).out).toMatch(/^pushed 2 documents$/m);

    const lead = await sync('lena', 'lena.json');
    expect(lead.code).toBe(0);
    const leadCodings = read('lena.json').codings;
    expect(leadCodings.map((c) => c.coderId).sort()).toEqual(['coder-ada', 'coder-ben', 'coder-ben']);
    expect(read('lena.json').journal!.at(-1)).toMatchObject({ operation: 'sync.apply', summary: 'Received 3 changes from the team server' });

    await sync('ada', 'ada.json');
    await sync('ben', 'ben.json');
    expect(read('ada.json').codings.map((c) => c.coderId)).toEqual(['coder-ada']);
    expect(read('ben.json').codings.map((c) => c.coderId)).toEqual(['coder-ben', 'coder-ben']);
    // Syncing again changes nothing and journals nothing.
    const entries = read('ada.json').journal!.length;
    const again = await sync('ada', 'ada.json');
    expect(again.out).toMatch(/^pushed 0 documents$/m);
    expect(again.out).toMatch(/nothing new/);
    expect(read('ada.json').journal!.length).toBe(entries);

    // The blind rule is the server's, not the client's: Ada asking for Ben's layer is refused.
    const bensLayer = databaseName(project, { kind: 'layer', user: 'ben' });
    for (const path of [couchPath(bensLayer, '_all_docs'), `${couchPath(bensLayer, '_changes')}?include_docs=true`]) {
      const asked = await couchFetch(couch.url, { path, auth: { user: 'ada', password: 'ada-pw' } });
      expect(asked.ok && [401, 403]).toContain(asked.ok ? asked.value.status : 0);
    }
    // And a coder pushing a code is told, not pushed.
    await work('ada.json', ADA, async (op) => {
      await op(addCode, { name: 'Irony', color: '#aa3355' });
    });
    const refused = await sync('ada', 'ada.json');
    expect(refused.out).toMatch(/not pushed:\n {2}\d documents? for codebook: only leads change the codebook/);
    void m;
  }, 60_000);

  it('the same memo edited on two machines is a reported conflict, both versions kept on the server', async () => {
    await provision(uniqueProjectKey('s2b'));
    const { sync, read, work, save, m } = machines();
    await save(await leadProject(), 'lena.json');
    await sync('lena', 'lena.json');
    await sync('ada', null);
    const codeId = read('ada.json').codes[0]!.id;
    let codingId = '';
    await work('ada.json', ADA, async (op) => {
      codingId = (await op(addCoding, { postId: 'p-2', codeId, start: 0, end: 4 })).id;
    });
    await sync('ada', 'ada.json');
    // A second machine of Ada's.
    const laptop = await run(['sync', '--new', '--url', couch.url, '--project', project, '--user', 'ada', '--password-file', 'ada.pw', '-o', 'ada-laptop.json'], m.io);
    expect(laptop).toBe(0);
    await work('ada.json', ADA, async (op) => {
      await op(editMemo, { codingId, memo: 'irony, says the desktop' });
    });
    await work('ada-laptop.json', ADA, async (op) => {
      await op(editMemo, { codingId, memo: 'sarcasm, says the laptop' });
    });
    expect((await sync('ada', 'ada.json')).out).toMatch(/^pushed 1 document$/m);
    const second = await sync('ada', 'ada-laptop.json');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/1 conflicting version kept beside the server’s/);
    expect(second.out).toContain(`coding ${codingId}: memo: “`);
    expect(second.out).toMatch(/“irony, says the desktop” vs “sarcasm, says the laptop”|“sarcasm, says the laptop” vs “irony, says the desktop”/);

    // Nothing silently lost: the server holds both versions, the lead is told too.
    const layer = databaseName(project, { kind: 'layer', user: 'ada' });
    const lena = { user: 'lena', password: 'lena-pw' };
    const winner = await couchFetch(couch.url, { path: `${couchPath(layer, `codings:${codingId}`)}?conflicts=true`, auth: lena });
    const doc = winner.ok ? (winner.value.json as { _conflicts?: string[]; record: { memo: string } }) : null;
    expect(doc?._conflicts).toHaveLength(1);
    const loser = await couchFetch(couch.url, { path: `${couchPath(layer, `codings:${codingId}`)}?rev=${doc!._conflicts![0]}`, auth: lena });
    const memos = [doc!.record.memo, loser.ok ? (loser.value.json as { record: { memo: string } }).record.memo : ''].sort();
    expect(memos).toEqual(['irony, says the desktop', 'sarcasm, says the laptop']);
    const lead = await sync('lena', 'lena.json');
    expect(lead.out).toMatch(/1 conflict \(both versions are kept/);
    // Both of Ada's machines end with the server's winner.
    await sync('ada', 'ada.json');
    expect(read('ada.json').codings[0]!.memo).toBe(doc!.record.memo);
    expect(read('ada-laptop.json').codings[0]!.memo).toBe(doc!.record.memo);
  }, 60_000);
});

describe('--coder', () => {
  it('lets a user write the layer of a coder named otherwise; the lead sees it as that coder’s', async () => {
    await provision(uniqueProjectKey('s2c'));
    const all = machines();
    const store = await leadProject();
    const renamed = await runOperation(store, addCoder, { name: 'Benjamin Holt', id: 'coder-bh' }, { clock: steppingClock(), ids: counterIds('x'), actor: LENA });
    expect(renamed.ok).toBe(true);
    await all.save(store, 'lena.json');
    await all.sync('lena', 'lena.json');
    const args = (bundle: string[]) => ['sync', ...bundle, '--url', couch.url, '--project', project, '--user', 'ben', '--password-file', 'ben.pw', '--coder', 'benjamin holt', '-o', 'bh.json'];
    expect(await run(args(['--new']), all.m.io)).toBe(0);
    const codeId = all.read('bh.json').codes[0]!.id;
    await all.work('bh.json', { id: 'coder-bh', name: 'Benjamin Holt' }, async (op) => {
      await op(addCoding, { postId: 'p-1', codeId, start: 0, end: 3 });
    });
    const before = all.m.stdout().length;
    expect(await run(args(['bh.json']), all.m.io)).toBe(0);
    expect(all.m.stdout().slice(before)).toMatch(/signed in as ben \(coder, coder “Benjamin Holt”\)\npushed 1 document\n/);
    await all.sync('lena', 'lena.json');
    expect(all.read('lena.json').codings.map((c) => c.coderId)).toEqual(['coder-bh']);
    // In Ben's layer on the server, owned by ben.
    const layer = databaseName(project, { kind: 'layer', user: 'ben' });
    const docs = await couchFetch(couch.url, { path: `${couchPath(layer, '_all_docs')}?include_docs=true`, auth: { user: 'lena', password: 'lena-pw' } });
    const rows = docs.ok ? (docs.value.json as { rows: Array<{ id: string; doc: { owner?: string } }> }).rows.filter((r) => r.id.startsWith('codings:')) : [];
    expect(rows.map((r) => r.doc.owner)).toEqual(['ben']);
  }, 60_000);
});

describe('removals', () => {
  it('a thread the lead deletes is deleted on the server and then on every machine, with the codings on it', async () => {
    await provision(uniqueProjectKey('s2d'));
    const all = machines();
    await all.save(await leadProject(), 'lena.json');
    await all.sync('lena', 'lena.json');
    await all.sync('ada', null);
    const codeId = all.read('ada.json').codes[0]!.id;
    await all.work('ada.json', ADA, async (op) => {
      await op(addCoding, { postId: 'p-2', codeId, start: 0, end: 4 });
    });
    await all.sync('ada', 'ada.json');
    await all.sync('lena', 'lena.json');
    expect(all.read('lena.json').codings).toHaveLength(1);
    await all.work('lena.json', LENA, async (op) => {
      await op(deleteThread, { threadId: 't-1' });
    });
    const removed = await all.sync('lena', 'lena.json');
    expect(removed.code).toBe(0);
    // The thread, its page and Ada's coding.
    expect(removed.out).toMatch(/deleted 3 documents/);
    const gone = await all.sync('ada', 'ada.json');
    expect(gone.code).toBe(0);
    const ada = all.read('ada.json');
    expect([ada.threads.length, ada.posts.length, ada.codings.length]).toEqual([0, 0, 0]);
    expect(ada.journal!.at(-1)!.operation).toBe('sync.apply');
  }, 60_000);
});

describe('a server killed mid-sync', () => {
  it.skipIf(process.env.THREADMARK_COUCH_URL !== undefined)('loses nothing and duplicates nothing when synced again after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tm-s2-kill-'));
    const server = await startTestCouch({ dir });
    try {
      await provision(uniqueProjectKey('s2k'), server);
      const { sync, read, save } = machines();
      // 150 threads of 20 posts: 150 thread documents and 150 pages, in several requests.
      const posts: Post[] = [];
      for (let t = 0; t < 150; t++) for (let i = 0; i < 20; i++) posts.push(post(`p-${t}-${i}`, `post ${i} of thread ${t}`, i === 0 ? null : `p-${t}-0`, `t-${t}`));
      await save(await leadProject(posts), 'lena.json');

      const corpus = databaseName(project, { kind: 'corpus' });
      const pushing = sync('lena', 'lena.json', server);
      // Kill it once the first documents have arrived.
      for (let i = 0; i < 2000; i++) {
        const info = await couchFetch(server.url, { path: couchPath(corpus), auth: server.admin, timeoutMs: 2000 });
        if (info.ok && ((info.value.json as { doc_count?: number }).doc_count ?? 0) > 2) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      server.kill();
      const cut = await pushing;
      expect(cut.code).toBe(1);
      expect(cut.err).toMatch(/team server|closed the connection|connection refused/);
      await server.restart();

      const again = await sync('lena', 'lena.json', server);
      expect(again.err).toBe('');
      expect(again.code).toBe(0);
      // A third sync finds nothing to push: everything is there once.
      expect((await sync('lena', 'lena.json', server)).out).toMatch(/^pushed 0 documents$/m);
      const all = await couchFetch(server.url, { path: `${couchPath(corpus, '_all_docs')}?include_docs=true`, auth: server.admin, timeoutMs: 60_000 });
      const docs = all.ok ? (all.value.json as { rows: Array<{ doc: unknown }> }).rows.map((r) => asSyncDoc(r.doc)).filter((d) => d !== null) : [];
      const serverPosts = docs.flatMap((d) => (d.table === 'posts' ? d.posts.map((p) => p.id) : []));
      expect(serverPosts).toHaveLength(posts.length);
      expect(new Set(serverPosts).size).toBe(posts.length);
      expect(docs.filter((d) => d.table === 'threads')).toHaveLength(150);

      const coder = await sync('ada', null, server);
      expect(coder.code).toBe(0);
      const pulled = read('ada.json');
      expect(pulled.posts.map((p) => p.id)).toEqual(read('lena.json').posts.map((p) => p.id));
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
