import { databaseName, roleNames } from '@shared/sync/names';
import { DESIGN_DOC_ID } from '@shared/sync/security';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { couchFetch, couchPath } from './couch-http';
import { addCoder, provisionProject } from './provision';
import { freePort, startTestCouch, type TestCouch } from './test-server';

// Each test talks to a server process over HTTP: generous on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
}, 60_000);
afterAll(() => couch?.stop());

const passwords = new Map([
  ['Lead', 'lead-pw'],
  ['alice', 'alice-pw'],
  ['bob', 'bob-pw'],
]);

async function get(path: string, auth = couch.admin) {
  const response = await couchFetch(couch.url, { path, auth });
  if (!response.ok) throw new Error(response.error.message);
  return response.value;
}

const allDbs = async () => (await get('/_all_dbs')).json as string[];

describe('provisionProject', () => {
  it('creates the users with their roles, the databases, their security and validation', async () => {
    const result = await provisionProject({ url: couch.url, admin: couch.admin, project: 'p1', leads: ['Lead'], coders: ['alice', 'bob'], passwords });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const roles = roleNames('p1');
    expect(result.value.users).toEqual([
      { name: 'lead', roles: [roles.lead], status: 'created' },
      { name: 'alice', roles: [roles.coder], status: 'created' },
      { name: 'bob', roles: [roles.coder], status: 'created' },
    ]);
    const expectedNames = ['tm-p1-corpus', 'tm-p1-codebook', 'tm-p1-consensus', `tm-p1-layer-${Buffer.from('lead').toString('hex')}`, `tm-p1-layer-${Buffer.from('alice').toString('hex')}`, `tm-p1-layer-${Buffer.from('bob').toString('hex')}`];
    expect(result.value.databases.map((d) => d.name)).toEqual(expectedNames);
    expect(result.value.databases.every((d) => d.status === 'created' && d.security === 'set' && d.validation === 'set')).toBe(true);
    for (const name of expectedNames) expect(await allDbs()).toContain(name);

    const aliceLayer = databaseName('p1', { kind: 'layer', user: 'alice' });
    expect((await get(`/${aliceLayer}/_security`)).json).toEqual({ admins: { names: [], roles: [] }, members: { names: ['alice'], roles: [roles.lead] } });
    expect((await get('/tm-p1-corpus/_security')).json).toMatchObject({ members: { roles: [roles.coder, roles.lead] } });
    expect((await get('/tm-p1-consensus/_security')).json).toMatchObject({ members: { names: [], roles: [roles.lead] } });
    const design = (await get(`/${aliceLayer}/${DESIGN_DOC_ID}`)).json as { validate_doc_update: string };
    expect(design.validate_doc_update).toContain('"alice"');
    // The users can sign in with the passwords given.
    const session = await get('/_session', { user: 'alice', password: 'alice-pw' });
    expect(session.json).toMatchObject({ userCtx: { name: 'alice', roles: [roles.coder] } });
  });

  it('finds everything the second time and changes nothing', async () => {
    const result = await provisionProject({ url: couch.url, admin: couch.admin, project: 'p1', leads: ['Lead'], coders: ['alice', 'bob'], passwords });
    expect(result.ok && result.value.users.map((u) => u.status)).toEqual(['existed', 'existed', 'existed']);
    expect(result.ok && result.value.databases.map((d) => [d.status, d.security, d.validation])).toEqual(Array(6).fill(['existed', 'unchanged', 'unchanged']));
  });

  it('gives an existing user the new project role and keeps their password', async () => {
    const result = await provisionProject({ url: couch.url, admin: couch.admin, project: 'p2', leads: ['lead'], coders: ['Alice'], passwords: new Map([['alice', 'another-pw']]) });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.users.find((u) => u.name === 'alice')).toEqual({ name: 'alice', roles: [roleNames('p1').coder, roleNames('p2').coder], status: 'roles-added' });
    expect((await get('/_session', { user: 'alice', password: 'alice-pw' })).json).toMatchObject({ userCtx: { name: 'alice' } });
  });

  it('refuses a wrong admin password and changes nothing', async () => {
    const before = await allDbs();
    const result = await provisionProject({ url: couch.url, admin: { user: couch.admin.user, password: 'wrong' }, project: 'p3', leads: ['lead'], coders: ['zed'], passwords: new Map([['zed', 'z']]) });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: `The team server at ${couch.url} refused the name or password of “admin”` }) });
    expect(await allDbs()).toEqual(before);
  });

  it('names the new users without a password and changes nothing', async () => {
    const before = await allDbs();
    const result = await provisionProject({ url: couch.url, admin: couch.admin, project: 'p3', leads: ['lead'], coders: ['zed', 'yan'], passwords: new Map([['zed', 'z']]) });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: 'no password given for the new user “yan”' }) });
    expect(await allDbs()).toEqual(before);
    expect((await get(`/_users/${encodeURIComponent('org.couchdb.user:zed')}`)).status).toBe(404);
  });

  it('refuses a project without a lead, a bad project key and a bad user name before connecting', async () => {
    const base = { url: couch.url, admin: couch.admin, passwords };
    expect(await provisionProject({ ...base, project: 'p4', leads: [], coders: ['alice'] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('at least one lead') } });
    expect(await provisionProject({ ...base, project: 'P 4', leads: ['lead'], coders: [] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('cannot name a team project') } });
    expect(await provisionProject({ ...base, project: 'p4', leads: ['lead'], coders: ['_admin'] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('“_admin” cannot be a user name') } });
  });

  it('says when the server cannot be reached', async () => {
    const port = await freePort();
    const result = await provisionProject({ url: `http://127.0.0.1:${port}`, admin: couch.admin, project: 'p5', leads: ['lead'], coders: [], passwords });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/^Cannot reach the team server at http:\/\/127\.0\.0\.1:\d+: connection refused/) }) });
  });
});

describe('addCoder', () => {
  it('adds a user with their layer to a project that exists', async () => {
    const result = await addCoder({ url: couch.url, admin: couch.admin, project: 'p1', coder: 'Carol', password: 'carol-pw' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.users).toEqual([{ name: 'carol', roles: [roleNames('p1').coder], status: 'created' }]);
    expect(result.value.databases).toEqual([{ name: databaseName('p1', { kind: 'layer', user: 'carol' }), kind: 'layer', owner: 'carol', status: 'created', security: 'set', validation: 'set' }]);
    const again = await addCoder({ url: couch.url, admin: couch.admin, project: 'p1', coder: 'carol', password: 'ignored' });
    expect(again.ok && again.value.users[0]!.status).toBe('existed');
  });

  it('makes an existing coder a lead with --lead', async () => {
    const result = await addCoder({ url: couch.url, admin: couch.admin, project: 'p1', coder: 'bob', password: '', lead: true });
    expect(result.ok && result.value.users[0]).toEqual({ name: 'bob', roles: [roleNames('p1').coder, roleNames('p1').lead], status: 'roles-added' });
  });

  it('refuses a project that is not on the server', async () => {
    const before = await allDbs();
    const result = await addCoder({ url: couch.url, admin: couch.admin, project: 'nope', coder: 'dan', password: 'd' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: `There is no project “nope” on ${couch.url}: run threadmark server init first` }) });
    expect(await allDbs()).toEqual(before);
    expect((await get(couchPath('_users', 'org.couchdb.user:dan'))).status).toBe(404);
  });
});
