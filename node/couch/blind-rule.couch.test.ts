/**
 * The blind rule held by the server, not the client (issue #16): what each member may read and write
 * on a provisioned project. Only documented CouchDB behaviour is asserted: a non-member's read is
 * refused with 401 or 403 (CouchDB 3 answers 403 to a signed-in non-member, pouchdb-server 401),
 * a validate_doc_update refusal is 403 `forbidden` with the function's message.
 */
import type { Code, Coding } from '@shared/model/records';
import { recordDoc } from '@shared/sync/doc-mapping';
import { databaseName, type SyncDatabase } from '@shared/sync/names';
import { REFUSAL } from '@shared/sync/security';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { couchFetch, type CouchAuth, type CouchResponse } from './couch-http';
import { provisionProject } from './provision';
import { connectTestCouch, uniqueProjectKey, type TestCouch } from './test-server';

// Each test talks to a server process over HTTP: generous on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let couch: TestCouch;
const project = uniqueProjectKey('blind');
const outsiderProject = uniqueProjectKey('other');
const users = { alice: 'alice-pw', bob: 'bob-pw', lead: 'lead-pw', mallory: 'mallory-pw' };
const as = (name: keyof typeof users): CouchAuth => ({ user: name, password: users[name] });
const db = (d: SyncDatabase) => `/${databaseName(project, d)}`;
const layerOf = (user: string) => db({ kind: 'layer', user });

async function call(method: 'GET' | 'PUT' | 'DELETE', path: string, auth: CouchAuth, body?: unknown): Promise<CouchResponse> {
  const response = await couchFetch(couch.url, { method, path, auth, body });
  if (!response.ok) throw new Error(response.error.message);
  return response.value;
}

const coding = (id: string, coderId: string): Coding => ({
  id,
  postId: 'p-1',
  threadId: 't-1',
  codeId: 'k-1',
  coderId,
  start: 0,
  end: 4,
  quote: 'text',
  memo: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const codingDoc = (id: string, owner: string) => recordDoc('codings', coding(id, `coder-${owner}`), { kind: 'layer', user: owner });
const code = { id: 'k-1', name: 'Irony' } as unknown as Code;

beforeAll(async () => {
  couch = await connectTestCouch();
  const passwords = new Map(Object.entries(users));
  const provisioned = await provisionProject({ url: couch.url, admin: couch.admin, project, leads: ['lead'], coders: ['alice', 'bob'], passwords });
  if (!provisioned.ok) throw new Error(provisioned.error.message);
  const outsider = await provisionProject({ url: couch.url, admin: couch.admin, project: outsiderProject, leads: ['mallory'], coders: [], passwords });
  if (!outsider.ok) throw new Error(outsider.error.message);
  // Each coder has one coding in their own layer.
  for (const name of ['alice', 'bob'] as const) {
    const put = await call('PUT', `${layerOf(name)}/codings:c-${name}`, as(name), codingDoc(`c-${name}`, name));
    if (put.status !== 201) throw new Error(`seeding ${name}'s layer: ${JSON.stringify(put.json)}`);
  }
}, 60_000);
afterAll(() => couch?.stop());

const refusedRead = [401, 403];

describe('reading', () => {
  it("refuses a coder another coder's layer: _all_docs, _changes and a document", async () => {
    for (const path of ['/_all_docs', '/_changes', '/codings:c-bob']) {
      const response = await call('GET', `${layerOf('bob')}${path}`, as('alice'));
      expect(refusedRead, `${path}: ${JSON.stringify(response.json)}`).toContain(response.status);
    }
  });

  it('lets a coder read their own layer, the corpus and the codebook, but not the consensus', async () => {
    const own = await call('GET', `${layerOf('alice')}/_all_docs`, as('alice'));
    expect(own.status).toBe(200);
    // Members read design documents too: the validation is no secret.
    expect((own.json as { rows: Array<{ id: string }> }).rows.map((r) => r.id)).toEqual(['_design/threadmark', 'codings:c-alice']);
    expect((await call('GET', `${db({ kind: 'corpus' })}/_all_docs`, as('alice'))).status).toBe(200);
    expect((await call('GET', `${db({ kind: 'codebook' })}/_all_docs`, as('alice'))).status).toBe(200);
    expect(refusedRead).toContain((await call('GET', `${db({ kind: 'consensus' })}/_all_docs`, as('alice'))).status);
  });

  it("lets a lead read both coders' layers", async () => {
    for (const name of ['alice', 'bob']) {
      const response = await call('GET', `${layerOf(name)}/_changes`, as('lead'));
      expect(response.status).toBe(200);
      expect((response.json as { results: Array<{ id: string }> }).results.map((r) => r.id)).toContain(`codings:c-${name}`);
      expect((await call('GET', `${layerOf(name)}/codings:c-${name}`, as('lead'))).status).toBe(200);
    }
  });

  it('lets a user outside the project read nothing of it', async () => {
    for (const target of [db({ kind: 'corpus' }), db({ kind: 'codebook' }), db({ kind: 'consensus' }), layerOf('alice'), layerOf('bob'), layerOf('lead')]) {
      const response = await call('GET', `${target}/_all_docs`, as('mallory'));
      expect(refusedRead, `${target}: ${JSON.stringify(response.json)}`).toContain(response.status);
    }
  });

  it('refuses a wrong password', async () => {
    expect((await call('GET', `${layerOf('alice')}/_all_docs`, { user: 'alice', password: 'bob-pw' })).status).toBe(401);
  });
});

describe('writing', () => {
  it("refuses a coder's change to the codebook with the validation's message", async () => {
    const response = await call('PUT', `${db({ kind: 'codebook' })}/codes:k-1`, as('alice'), recordDoc('codes', code, { kind: 'codebook' }));
    expect(response).toEqual({ status: 403, json: { error: 'forbidden', reason: REFUSAL.leadsOnly('codebook') } });
    expect((await call('GET', `${db({ kind: 'codebook' })}/codes:k-1`, as('lead'))).status).toBe(404);
  });

  it("accepts a coder's own coder record in the codebook, refuses another's", async () => {
    const coderDoc = (id: string, name: string) => ({ _id: `coders:${id}`, tm: 1, table: 'coders', record: { id, name, createdAt: '2026-01-01T00:00:00.000Z' } });
    expect((await call('PUT', `${db({ kind: 'codebook' })}/coders:coder-alice`, as('alice'), coderDoc('coder-alice', 'Alice'))).status).toBe(201);
    expect(await call('PUT', `${db({ kind: 'codebook' })}/coders:coder-bob`, as('alice'), coderDoc('coder-bob', 'Bob'))).toEqual({ status: 403, json: { error: 'forbidden', reason: REFUSAL.leadsOnly('codebook') } });
  });

  it('refuses a coding in their own layer that names another owner', async () => {
    const response = await call('PUT', `${layerOf('alice')}/codings:c-forged`, as('alice'), codingDoc('c-forged', 'bob'));
    expect(response).toEqual({ status: 403, json: { error: 'forbidden', reason: REFUSAL.layerOwner('alice') } });
  });

  it("refuses a coder writing into another coder's layer", async () => {
    const response = await call('PUT', `${layerOf('bob')}/codings:c-intruder`, as('alice'), codingDoc('c-intruder', 'bob'));
    expect([401, 403]).toContain(response.status);
    expect((await call('GET', `${layerOf('bob')}/codings:c-intruder`, as('lead'))).status).toBe(404);
  });

  it('accepts their own coding, its update and its deletion', async () => {
    const created = await call('PUT', `${layerOf('alice')}/codings:c-2`, as('alice'), codingDoc('c-2', 'alice'));
    expect(created.status).toBe(201);
    const rev = (created.json as { rev: string }).rev;
    const updated = await call('PUT', `${layerOf('alice')}/codings:c-2`, as('alice'), { ...codingDoc('c-2', 'alice'), _rev: rev, record: { ...coding('c-2', 'coder-alice'), memo: 'seen twice' } });
    expect(updated.status).toBe(201);
    const deleted = await call('DELETE', `${layerOf('alice')}/codings:c-2?rev=${(updated.json as { rev: string }).rev}`, as('alice'));
    expect(deleted.status).toBe(200);
  });

  it('accepts a lead changing the codebook', async () => {
    expect((await call('PUT', `${db({ kind: 'codebook' })}/codes:k-2`, as('lead'), recordDoc('codes', { ...code, id: 'k-2' }, { kind: 'codebook' }))).status).toBe(201);
  });

  it('never lets a journal document be updated or deleted, not even by a lead', async () => {
    const path = `${db({ kind: 'codebook' })}/journal:e-1`;
    const journal = { _id: 'journal:e-1', tm: 1, table: 'journal', entry: { id: 'e-1', label: 'Add code Irony', changes: [] } };
    const created = await call('PUT', path, as('lead'), journal);
    expect(created.status).toBe(201);
    const rev = (created.json as { rev: string }).rev;
    expect(await call('PUT', path, as('lead'), { ...journal, _rev: rev, entry: { ...journal.entry, label: 'rewritten' } })).toEqual({ status: 403, json: { error: 'forbidden', reason: REFUSAL.journal } });
    expect((await call('DELETE', `${path}?rev=${rev}`, as('lead'))).status).toBe(403);
  });

  it('refuses a document that is not a Threadmark document of that database', async () => {
    const response = await call('PUT', `${layerOf('alice')}/codes:k-9`, as('alice'), { ...recordDoc('codes', { ...code, id: 'k-9' }, { kind: 'layer', user: 'alice' }) });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('holds no "codes" documents') });
  });
});
