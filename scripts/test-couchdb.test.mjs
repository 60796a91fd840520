import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { freePort, startTestCouch } from '../node/couch/test-server';
import { parseArgs, serverProblem } from './test-couchdb.mjs';

// Each test talks to a server process over HTTP: generous on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

describe('test:couchdb arguments', () => {
  it('takes the three options in both spellings and hands the rest to vitest', () => {
    expect(parseArgs(['--url=https://couch.example.org/', '--admin-user', 'root', '--admin-password-file', 'pw.txt', '-t', 'blind'])).toEqual({
      ok: true,
      url: 'https://couch.example.org',
      adminUser: 'root',
      passwordFile: 'pw.txt',
      vitestArgs: ['-t', 'blind'],
    });
  });

  it('names what is missing', () => {
    expect(parseArgs(['--url', 'http://x'])).toEqual({ ok: false, error: 'missing --admin-user' });
    expect(parseArgs(['--url'])).toEqual({ ok: false, error: '--url needs a value' });
  });
});

describe('test:couchdb server check', () => {
  let couch;
  beforeAll(async () => {
    couch = await startTestCouch();
  }, 60_000);
  afterAll(() => couch?.stop());

  it('accepts the server admin, refuses a wrong password and an unreachable server in words', async () => {
    expect(await serverProblem(couch.url, couch.admin.user, couch.admin.password)).toBeNull();
    expect(await serverProblem(couch.url, couch.admin.user, 'wrong')).toBe(`${couch.url} refused the name or password of "admin"`);
    const url = `http://127.0.0.1:${await freePort()}`;
    expect(await serverProblem(url, 'admin', 'x')).toBe(`cannot reach ${url}: ECONNREFUSED`);
  });
});
