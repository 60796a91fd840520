import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { connectTestCouch, freePort, startTestCouch, type TestCouch } from './test-server';

// Each test talks to a server process over HTTP: generous on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function status(url: string, init: RequestInit = {}): Promise<number> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('startTestCouch (in memory)', () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await startTestCouch();
  }, 60_000);
  afterAll(() => couch?.stop());

  it('listens on 127.0.0.1 and answers the CouchDB welcome', async () => {
    expect(couch.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${couch.url}/`);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('version');
  });

  // Not probed with an anonymous `PUT /db`: pouchdb-server 4.2.0 crashes on it (docs/sync.md).
  it('has ended admin party: only the admin reads the configuration and creates a database', async () => {
    expect(await status(`${couch.url}/_config`)).toBe(401);
    expect(await status(`${couch.url}/admin-db`, { method: 'PUT', headers: { authorization: basic(couch.admin.user, couch.admin.password) } })).toBe(201);
    expect(await status(`${couch.url}/_all_dbs`, { headers: { authorization: basic(couch.admin.user, 'wrong') } })).toBe(401);
  });

  it('answers any origin with credentials allowed (CORS for the web runtime)', async () => {
    const preflight = await fetch(`${couch.url}/admin-db`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  // Replication writes with new_edits=false; pouchdb-validation alone would drop such updates on a
  // database with a validate_doc_update (pouchdb-server-child.mjs).
  it('stores replicated revisions and their conflicts on a database with a validation function', async () => {
    const headers = { authorization: basic(couch.admin.user, couch.admin.password), 'content-type': 'application/json' };
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${couch.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    expect((await call('PUT', '/replicated')).status).toBe(201);
    expect((await call('PUT', '/replicated/_design/v', { validate_doc_update: 'function (n) { if (n.bad) throw({ forbidden: "bad" }); }' })).status).toBe(201);
    const first = (await call('PUT', '/replicated/d1', { v: 1 })).json.rev as string;
    const parent = first.slice(2);
    const branch = (id: string, v: number) => ({ _id: 'd1', _rev: `2-${id}`, _revisions: { start: 2, ids: [id, parent] }, v });
    expect((await call('POST', '/replicated/_bulk_docs', { new_edits: false, docs: [branch('aaa', 2), branch('bbb', 3)] })).status).toBe(201);
    expect((await call('GET', '/replicated/d1?conflicts=true')).json).toEqual({ _id: 'd1', _rev: '2-bbb', v: 3, _conflicts: ['2-aaa'] });
    expect((await call('POST', '/replicated/_bulk_docs', { new_edits: false, docs: [{ ...branch('ccc', 4), bad: true }] })).status).toBe(201);
    // The refused branch is not stored: the conflicts are still the two accepted ones.
    expect((await call('GET', '/replicated/d1?conflicts=true')).json).toEqual({ _id: 'd1', _rev: '2-bbb', v: 3, _conflicts: ['2-aaa'] });
    expect((await call('PUT', '/replicated/d1', { _rev: '2-bbb', v: 9 })).status).toBe(201);
  });

  // The test server compiles a design document's validation once per revision (as CouchDB does):
  // every document of a request is still validated, and a changed design document applies at once.
  it('validates every document of a bulk request, and a new revision of the design document at the next request', async () => {
    const headers = { authorization: basic(couch.admin.user, couch.admin.password), 'content-type': 'application/json' };
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${couch.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, json: (await response.json()) as unknown };
    };
    expect((await call('PUT', '/cached')).status).toBe(201);
    const design = await call('PUT', '/cached/_design/v', { validate_doc_update: 'function (n) { if (n.colour === "red") throw({ forbidden: "no red" }); }' });
    const docs = (colour: string, from: number) => Array.from({ length: 6 }, (_, i) => ({ _id: `d${from + i}`, colour: i % 2 === 0 ? colour : 'blue' }));
    const refused = (json: unknown) => (json as Array<{ error?: string; reason?: string }>).filter((r) => r.error === 'forbidden').map((r) => r.reason);
    expect(refused((await call('POST', '/cached/_bulk_docs', { docs: docs('red', 0) })).json)).toEqual(['no red', 'no red', 'no red']);
    const rev = (design.json as { rev: string }).rev;
    expect((await call('PUT', '/cached/_design/v', { _rev: rev, validate_doc_update: 'function (n) { if (n.colour === "green") throw({ forbidden: "no green" }); }' })).status).toBe(201);
    expect(refused((await call('POST', '/cached/_bulk_docs', { docs: docs('red', 10) })).json)).toEqual([]);
    expect(refused((await call('POST', '/cached/_bulk_docs', { docs: docs('green', 20) })).json)).toEqual(['no green', 'no green', 'no green']);
  });

  it('kill() makes it unreachable at once; restart() brings it back on the same url, empty', async () => {
    const auth = { authorization: basic(couch.admin.user, couch.admin.password) };
    expect(await status(`${couch.url}/before-kill`, { method: 'PUT', headers: auth })).toBe(201);
    couch.kill();
    expect(await waitFor(async () => (await status(`${couch.url}/`)) === 0, 5000)).toBe(true);
    await couch.restart();
    expect(await status(`${couch.url}/`)).toBe(200);
    expect(await status(`${couch.url}/before-kill`, { headers: auth })).toBe(404);
  }, 60_000);
});

describe('startTestCouch with a dir', () => {
  it('keeps databases across kill() and restart(), and stop() makes it unreachable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threadmark-couch-test-'));
    const couch = await startTestCouch({ dir });
    try {
      const auth = { authorization: basic(couch.admin.user, couch.admin.password), 'content-type': 'application/json' };
      expect(await status(`${couch.url}/kept`, { method: 'PUT', headers: auth })).toBe(201);
      expect(await status(`${couch.url}/kept/doc-1`, { method: 'PUT', headers: auth, body: JSON.stringify({ n: 1 }) })).toBe(201);
      couch.kill();
      await couch.restart();
      const doc = await fetch(`${couch.url}/kept/doc-1`, { headers: auth });
      expect(await doc.json()).toMatchObject({ _id: 'doc-1', n: 1 });
    } finally {
      await couch.stop();
      await rm(dir, { recursive: true, force: true });
    }
    expect(await status(`${couch.url}/`)).toBe(0);
  }, 90_000);
});

describe('the server dies with the process that started it', () => {
  it('exits when its parent is SIGKILLed', async () => {
    const port = await freePort();
    const home = await mkdtemp(join(tmpdir(), 'threadmark-couch-orphan-'));
    const childScript = fileURLToPath(new URL('./pouchdb-server-child.mjs', import.meta.url));
    // A stand-in test run: starts the server the way startTestCouch does, prints its pid, then waits.
    const parentSource = `
      const { spawn } = require('node:child_process');
      const server = spawn(process.execPath, ${JSON.stringify([childScript, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'])},
        { cwd: ${JSON.stringify(home)}, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: { ...process.env, THREADMARK_COUCH_PARENT_PID: String(process.pid), THREADMARK_COUCH_OWN_CWD: '1' } });
      console.log(server.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentSource], { stdio: ['ignore', 'pipe', 'inherit'] });
    const serverPid = await new Promise<number>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
    try {
      expect(await waitFor(async () => (await status(`http://127.0.0.1:${port}/`)) === 200, 45_000)).toBe(true);
      parent.kill('SIGKILL');
      expect(await waitFor(() => !alive(serverPid), 5000)).toBe(true);
      expect(await status(`http://127.0.0.1:${port}/`)).toBe(0);
    } finally {
      if (alive(serverPid)) process.kill(serverPid, 'SIGKILL');
      await rm(home, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('connectTestCouch', () => {
  it('uses the server the environment names, and refuses to kill it', async () => {
    const couch = await connectTestCouch({ THREADMARK_COUCH_URL: 'https://couch.example.org/', THREADMARK_COUCH_ADMIN: 'root', THREADMARK_COUCH_ADMIN_PASSWORD: 'pw' });
    expect(couch).toMatchObject({ url: 'https://couch.example.org', admin: { user: 'root', password: 'pw' }, external: true });
    expect(() => couch.kill()).toThrow(/not a test server/);
    await expect(couch.restart()).rejects.toThrow(/not a test server/);
  });

  it('refuses half a configuration rather than testing against pouchdb-server unawares', async () => {
    await expect(connectTestCouch({ THREADMARK_COUCH_URL: 'https://couch.example.org' })).rejects.toThrow(/Set all of THREADMARK_COUCH_URL, THREADMARK_COUCH_ADMIN and THREADMARK_COUCH_ADMIN_PASSWORD/);
  });

  it('starts a test server when the environment names none', async () => {
    const couch = await connectTestCouch({});
    try {
      expect(couch.external).toBe(false);
      expect(await status(`${couch.url}/`)).toBe(200);
    } finally {
      await couch.stop();
    }
  }, 60_000);
});
