import 'fake-indexeddb/auto';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { addCoder } from '@shared/project/operations/coders';
import { addCoding, editMemo } from '@shared/project/operations/codings';
import { runOperation, type CoreEnv } from '@shared/project/run-operation';
import { databaseName } from '@shared/sync/names';
import { systemClock } from '@shared/util/clock';

// eslint-disable-next-line no-restricted-imports -- the engine is tested against the test CouchDB server in Node (S1's node/couch)
import { provisionProject } from '../../../node/couch/provision';
// eslint-disable-next-line no-restricted-imports -- as above
import { startTestCouch, type TestCouch } from '../../../node/couch/test-server';
import { importBundle, storeOf, syncProgressOf, type ThreadmarkDB } from '../../db/project-store';
import { freshDb, sampleBundle } from '../../db/testing/test-support';
import type { PouchStatic } from './replica';
import { SyncEngine } from './sync-engine';
import { storePlanner } from './sync-planner';

let couch: TestCouch;
let Pouch: PouchStatic;
const PROJECT = 'engine';
const passwords = new Map([
  ['lena', 'lena-pw'],
  ['ana', 'ana-pw'],
  ['ben', 'ben-pw'],
]);

/**
 * Chromium's fetch: at most 6 connections per server over HTTP/1.1 in a browser profile (here: per
 * user signed in), a request holding its connection until its body is read; the others wait in
 * line. PouchDB takes `fetch` when it loads.
 */
function browserLikeFetch(realFetch: typeof fetch, perOrigin = 6): typeof fetch {
  const open = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const acquire = async (origin: string, signal: AbortSignal | null | undefined) => {
    if ((open.get(origin) ?? 0) >= perOrigin) {
      await new Promise<void>((resolve, reject) => {
        const line = waiting.get(origin) ?? [];
        waiting.set(origin, line);
        const go = () => resolve();
        line.push(go);
        // Aborted while in line: out of it. Aborted once handed a connection: it goes on (the
        // request fails at once and hands the connection on), else that connection would be lost.
        signal?.addEventListener('abort', () => {
          const at = line.indexOf(go);
          if (at === -1) return;
          line.splice(at, 1);
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      });
    }
    open.set(origin, (open.get(origin) ?? 0) + 1);
  };
  const release = (origin: string) => {
    open.set(origin, open.get(origin)! - 1);
    waiting.get(origin)?.shift()?.();
  };
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const profile = `${url.origin} ${new Headers(init?.headers).get('Authorization') ?? ''}`;
    await acquire(profile, init?.signal);
    try {
      const response = await realFetch(input, init);
      const body = await response.arrayBuffer();
      return new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      release(profile);
    }
  };
}

beforeAll(async () => {
  // pouchdb-browser reads `self` at load; Node has none.
  vi.stubGlobal('self', globalThis);
  // The engine runs in Chromium, which holds 6 connections per server at most.
  vi.stubGlobal('fetch', browserLikeFetch(globalThis.fetch));
  // PouchDB says on the console that a missing remote checkpoint (404) is normal, once per replication.
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  // The memory adapter has no type declarations: a plugin is all it is.
  const memoryAdapter: string = 'pouchdb-adapter-memory';
  const [browser, memory] = await Promise.all([import('pouchdb-browser'), import(memoryAdapter) as Promise<{ default: PouchDB.Plugin }>]);
  Pouch = browser.default;
  Pouch.plugin(memory.default);
  couch = await startTestCouch();
  const provisioned = await provisionProject({ url: couch.url, admin: couch.admin, project: PROJECT, leads: ['lena'], coders: ['ana', 'ben'], passwords });
  if (!provisioned.ok) throw new Error(provisioned.error.message);
}, 60_000);
afterAll(async () => {
  await couch?.stop();
  vi.unstubAllGlobals();
});

const engines: SyncEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});

let ids = 0;
function engineFor(db: ThreadmarkDB, user: string, lead: boolean, actor = { id: `actor-${user}`, name: user }, projectKey = PROJECT): SyncEngine {
  const deviceId = `device-${user}-${db.name}`;
  const store = storeOf(db);
  const env = (): Promise<CoreEnv> => Promise.resolve({ clock: systemClock, ids: { newId: () => `sync-id-${++ids}` }, actor });
  const engine = new SyncEngine({
    store,
    progress: syncProgressOf(db),
    planner: storePlanner(store, { name: user, lead }, deviceId),
    Pouch,
    localOptions: { adapter: 'memory' },
    localPrefix: db.name,
    serverUrl: couch.url,
    projectKey,
    user: { name: user, lead },
    auth: { user, password: passwords.get(user)! },
    deviceId,
    env,
  });
  engines.push(engine);
  return engine;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const codingIds = (db: ThreadmarkDB) => storeOf(db).read(async (r) => (await r.allCodings()).map((c) => `${c.coderId}:${c.id}`).sort());

describe('SyncEngine against a team server', () => {
  it('pushes a lead’s project, pulls it into a coder’s empty project without the other coder’s layer, and brings the coder’s coding back to the lead', async () => {
    const bundle = sampleBundle();
    const lead = freshDb();
    await importBundle(lead, bundle);
    const leadEngine = engineFor(lead, 'lena', true);
    await leadEngine.start();

    const ana = freshDb();
    const anaEngine = engineFor(ana, 'ana', false, { id: 'coder-ana', name: 'Ana' });
    await anaEngine.start();

    // Everything Ana may read arrives: the corpus, the codebook, her own layer; never Ben's layer.
    const posts = await until('the corpus at Ana’s', () => storeOf(ana).read(async (r) => (await r.allPosts()).map((p) => p.id)), (p) => p.length === bundle.posts.length);
    expect(posts.sort()).toEqual(bundle.posts.map((p) => p.id).sort());
    const anaCodings = bundle.codings.filter((c) => c.coderId === 'coder-ana').map((c) => `${c.coderId}:${c.id}`).sort();
    expect(anaCodings.length).toBeGreaterThan(0);
    await until('Ana’s layer at Ana’s', () => codingIds(ana), (c) => c.length === anaCodings.length);
    expect(await codingIds(ana)).toEqual(anaCodings);
    expect(bundle.codings.some((c) => c.coderId === 'coder-ben')).toBe(true);
    expect(anaEngine.replicaOf({ kind: 'layer', user: 'ben' })).toBeUndefined();
    expect(await storeOf(ana).read((r) => r.codes())).toHaveLength(bundle.codes.length);
    // Nothing received was pushed back as a change of Ana's.
    expect(anaEngine.snapshot().keptHere).toBe(0);

    // Ana codes; the lead's project gets it.
    const post = bundle.posts.find((p) => p.text.length > 5)!;
    const added = await runOperation(storeOf(ana), addCoding, { postId: post.id, codeId: 'c-agree', start: 0, end: 5 }, { clock: systemClock, ids: { newId: () => 'coding-from-ana' }, actor: { id: 'coder-ana', name: 'Ana' } });
    expect(added.ok).toBe(true);
    await until('Ana’s coding at the lead’s', () => codingIds(lead), (c) => c.includes('coder-ana:coding-from-ana'));
    // Ana's layer brought documents last: the lead's engine now watches it (a long poll), and at most two databases.
    await until('Ana’s layer watched at the lead’s', () => Promise.resolve(leadEngine.watchedDatabases()), (w) => w.includes('layer:ana'));
    expect(leadEngine.watchedDatabases().length).toBeLessThanOrEqual(2);
    // Through the long poll: her next coding arrives too.
    const second = await runOperation(storeOf(ana), addCoding, { postId: post.id, codeId: 'c-agree', start: 1, end: 5 }, { clock: systemClock, ids: { newId: () => 'coding-from-ana-2' }, actor: { id: 'coder-ana', name: 'Ana' } });
    expect(second.ok).toBe(true);
    await until('Ana’s second coding at the lead’s', () => codingIds(lead), (c) => c.includes('coder-ana:coding-from-ana-2'));
    // The lead's journal says where it came from; Ana's own write made no entry at Ana's when it echoed.
    const leadEntries = await storeOf(lead).read((r) => r.journal());
    expect(leadEntries.at(-1)).toMatchObject({ operation: 'sync.apply', summary: 'Received 1 change from the team server' });
    expect((await storeOf(ana).read((r) => r.journal())).filter((e) => e.operation !== 'sync.apply').map((e) => e.operation)).toEqual(['coding.add', 'coding.add']);

    // Both machines settle on "synced".
    await until('both synced', async () => [leadEngine.snapshot().status, anaEngine.snapshot().status, (leadEngine as unknown as { states: Map<string, unknown> }).states], ([a, b]) => (a as { kind: string }).kind === 'synced' && (b as { kind: string }).kind === 'synced');
    // The server holds Ana's coding in her layer, written as hers.
    const layer = await fetch(`${couch.url}/${databaseName(PROJECT, { kind: 'layer', user: 'ana' })}/codings:coding-from-ana`, { headers: { Authorization: `Basic ${btoa('lena:lena-pw')}` } });
    expect(await layer.json()).toMatchObject({ owner: 'ana', table: 'codings', record: { id: 'coding-from-ana', coderId: 'coder-ana' } });
  }, 60_000);

  it('puts a coder’s own coder record on the server’s codebook, which the coder otherwise only reads', async () => {
    const provisioned = await provisionProject({ url: couch.url, admin: couch.admin, project: 'engine3', leads: ['lena'], coders: ['ana'], passwords });
    expect(provisioned.ok).toBe(true);
    const ana = freshDb();
    const joined = await runOperation(storeOf(ana), addCoder, { id: 'ana-own-id', name: 'Ana' }, { clock: systemClock, ids: { newId: () => 'unused' }, actor: { id: 'ana-own-id', name: 'Ana' } });
    expect(joined.ok).toBe(true);
    await engineFor(ana, 'ana', false, { id: 'ana-own-id', name: 'Ana' }, 'engine3').start();
    const admin = { Authorization: `Basic ${btoa(`${couch.admin.user}:${couch.admin.password}`)}` };
    const onServer = await until(
      'Ana’s coder record on the server',
      async () => (await fetch(`${couch.url}/${databaseName('engine3', { kind: 'codebook' })}/coders:ana-own-id`, { headers: admin })).json(),
      (doc) => (doc as { record?: unknown }).record !== undefined,
    );
    expect(onServer).toMatchObject({ table: 'coders', record: { id: 'ana-own-id', name: 'Ana' } });
  }, 60_000);

  it('keeps a memo edited on two machines as a conflict, and resumes from its checkpoints after a restart', async () => {
    const bundle = sampleBundle();
    const lead = freshDb();
    await importBundle(lead, bundle);
    const provisioned = await provisionProject({ url: couch.url, admin: couch.admin, project: 'engine2', leads: ['lena'], coders: ['ana', 'ben'], passwords });
    expect(provisioned.ok).toBe(true);
    const asLena = (db: ThreadmarkDB) => engineFor(db, 'lena', true, undefined, 'engine2');
    const first = asLena(lead);
    await first.start();
    const other = freshDb();
    const second = asLena(other);
    await second.start();
    const coding = bundle.codings.find((c) => c.coderId === 'coder-ben')!;
    await until('the project on the second machine', () => codingIds(other), (c) => c.length === bundle.codings.length);

    // Both machines go offline, each edits the same memo, then both come back.
    await Promise.all([first.stop(), second.stop()]);
    const edit = (db: ThreadmarkDB, memo: string) => runOperation(storeOf(db), editMemo, { codingId: coding.id, memo }, { clock: systemClock, ids: { newId: () => `memo-${memo}` }, actor: { id: 'lena', name: 'lena' } });
    expect((await edit(lead, 'first machine')).ok).toBe(true);
    expect((await edit(other, 'second machine')).ok).toBe(true);
    const again = asLena(lead);
    await again.start();
    const againOther = asLena(other);
    await againOther.start();

    const conflicted = await until('the conflict', () => Promise.resolve(again.snapshot().conflicts), (c) => c.length > 0);
    expect(conflicted).toEqual([{ db: { kind: 'layer', user: 'ben' }, docId: `codings:${coding.id}` }]);
    // Both machines end on the same winner; the loser is kept aside on the replica, not lost.
    const memoAt = (db: ThreadmarkDB) => storeOf(db).read(async (r) => (await r.codingsByIds([coding.id])).get(coding.id)?.memo);
    await until('one winner on both machines', async () => [await memoAt(lead), await memoAt(other)], ([a, b]) => a === b);
    const replica = again.replicaOf({ kind: 'layer', user: 'ben' })!;
    const doc = await replica.local.get(`codings:${coding.id}`, { conflicts: true });
    expect(doc._conflicts).toHaveLength(1);
    const loser = (await replica.local.get(`codings:${coding.id}`, { rev: doc._conflicts![0]! })) as unknown as { record: { memo: string } };
    expect([loser.record.memo, await memoAt(lead)].sort()).toEqual(['first machine', 'second machine']);
  }, 60_000);
});
