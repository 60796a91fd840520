import { databaseName, roleNames } from '@shared/sync/names';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { couchFetch } from '../../node/couch/couch-http';
import { freePort, startTestCouch, type TestCouch } from '../../node/couch/test-server';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';
import { parsePasswordsFile } from './server';

// Each test talks to a server process over HTTP: generous on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
}, 60_000);
afterAll(() => couch?.stop());

const files = () => ({
  'admin.txt': `${couch.admin.password}\n`,
  'users.csv': 'name,password\nLea,lea secret\nada,a,b,c\n\nben,ben-pw\n',
  'carol.txt': 'carol-pw\n',
});
const common = () => ['--url', couch.url, '--admin-user', couch.admin.user, '--admin-password-file', 'admin.txt'];

async function signIn(user: string, password: string) {
  const session = await couchFetch(couch.url, { path: '/_session', auth: { user, password } });
  return session.ok ? session.value : null;
}

describe('threadmark server init', () => {
  it('sets the project up and prints what it did, never a password', async () => {
    const m = memoryIo(files());
    const code = await run(['server', 'init', ...common(), '--project', 'cli1', '--leads', 'Lea', '--coders', 'ada,ben', '--passwords-file', 'users.csv'], m.io);
    expect(m.stderr()).toBe('');
    expect(code).toBe(0);
    const out = m.stdout();
    expect(out).toContain(`Team project “cli1” on ${couch.url}`);
    expect(out).toMatch(/^ {2}ada +created +tm-cli1-coder$/m);
    expect(out).toContain(`${databaseName('cli1', { kind: 'layer', user: 'ada' })}  ada's layer`);
    for (const secret of ['lea secret', 'a,b,c', 'ben-pw', couch.admin.password]) expect(out).not.toContain(secret);
    // The password is everything after the first comma.
    expect(await signIn('ada', 'a,b,c')).toMatchObject({ status: 200, json: { userCtx: { name: 'ada', roles: [roleNames('cli1').coder] } } });
    expect(await signIn('lea', 'lea secret')).toMatchObject({ status: 200, json: { userCtx: { roles: [roleNames('cli1').lead] } } });
  });

  it('prints the summary as JSON with --json, everything found the second time', async () => {
    const m = memoryIo(files());
    const code = await run(['server', 'init', ...common(), '--project', 'cli1', '--leads', 'Lea', '--coders', 'ada,ben', '--passwords-file', 'users.csv', '--json'], m.io);
    expect(code).toBe(0);
    const summary = JSON.parse(m.stdout()) as { users: Array<{ status: string }>; databases: Array<{ status: string; security: string; validation: string }> };
    expect(summary.users.map((u) => u.status)).toEqual(['existed', 'existed', 'existed']);
    expect(summary.databases).toHaveLength(6);
    expect(summary.databases.every((d) => d.status === 'existed' && d.security === 'unchanged' && d.validation === 'unchanged')).toBe(true);
  });

  it('refuses a wrong admin password with a clear message and exit 1', async () => {
    const m = memoryIo({ ...files(), 'admin.txt': 'wrong\n' });
    const code = await run(['server', 'init', ...common(), '--project', 'cli2', '--leads', 'lea', '--coders', 'ada,ben', '--passwords-file', 'users.csv'], m.io);
    expect(code).toBe(1);
    expect(m.stderr()).toBe(`threadmark: The team server at ${couch.url} refused the name or password of “admin”\n`);
    expect(m.stdout()).toBe('');
  });

  it('says when the server cannot be reached', async () => {
    const m = memoryIo(files());
    const url = `http://127.0.0.1:${await freePort()}`;
    const code = await run(['server', 'init', '--url', url, '--admin-user', 'admin', '--admin-password-file', 'admin.txt', '--project', 'cli2', '--leads', 'lea', '--coders', 'ada,ben', '--passwords-file', 'users.csv'], m.io);
    expect(code).toBe(1);
    expect(m.stderr()).toBe(`threadmark: Cannot reach the team server at ${url}: connection refused (is CouchDB running on that port?)\n`);
  });

  it('names every bad line of the passwords file and changes nothing', async () => {
    const before = await couchFetch(couch.url, { path: '/_all_dbs', auth: couch.admin });
    const m = memoryIo({ ...files(), 'users.csv': 'lea,x\nada\nben,\n_x,y\nLEA,z\n' });
    const code = await run(['server', 'init', ...common(), '--project', 'cli3', '--leads', 'lea', '--coders', 'ada,ben', '--passwords-file', 'users.csv'], m.io);
    expect(code).toBe(1);
    expect(m.stderr()).toBe(
      [
        'threadmark: users.csv line 2: no comma: write name,password',
        'threadmark: users.csv line 3: no password for “ben”',
        "threadmark: users.csv line 4: “_x” cannot be a user name: names starting with “_” are CouchDB's own",
        'threadmark: users.csv line 5: “lea” is already on line 1',
        '',
      ].join('\n'),
    );
    const after = await couchFetch(couch.url, { path: '/_all_dbs', auth: couch.admin });
    expect(after.ok && after.value.json).toEqual(before.ok && before.value.json);
  });

  it('names the new users the passwords file leaves out', async () => {
    const m = memoryIo({ ...files(), 'users.csv': 'zoe,z\n' });
    const code = await run(['server', 'init', ...common(), '--project', 'cli4', '--leads', 'zoe', '--coders', 'yves,xena', '--passwords-file', 'users.csv'], m.io);
    expect(code).toBe(1);
    expect(m.stderr()).toBe('threadmark: users.csv: no password given for the new users “yves”, “xena”\n');
  });

  it('warns about a passwords-file user who is no member, after setting the project up', async () => {
    const m = memoryIo({ ...files(), 'users.csv': 'lea,x\nstray,y\n' });
    expect(await run(['server', 'init', ...common(), '--project', 'cli6', '--leads', 'lea', '--passwords-file', 'users.csv'], m.io)).toBe(0);
    expect(m.stderr()).toBe('threadmark: users.csv: “stray” is neither in --leads nor in --coders: not added\n');
    expect(await signIn('stray', 'y')).toMatchObject({ status: 401 });
  });

  it('is a usage error without a required option or with an unknown subcommand', async () => {
    const m = memoryIo(files());
    expect(await run(['server', 'init', ...common(), '--project', 'cli5', '--passwords-file', 'users.csv'], m.io)).toBe(2);
    expect(m.stderr()).toContain('threadmark: missing --leads\nUsage: threadmark server init');
    const n = memoryIo(files());
    expect(await run(['server', 'start'], n.io)).toBe(2);
    expect(n.stderr()).toContain('unknown subcommand "start": init or add-coder');
  });
});

describe('threadmark server add-coder', () => {
  it('adds a coder with their layer to the project', async () => {
    const m = memoryIo(files());
    const code = await run(['server', 'add-coder', ...common(), '--project', 'cli1', '--coder', 'Carol', '--password-file', 'carol.txt'], m.io);
    expect(m.stderr()).toBe('');
    expect(code).toBe(0);
    expect(m.stdout()).toContain(`${databaseName('cli1', { kind: 'layer', user: 'carol' })}  carol's layer`);
    expect(m.stdout()).not.toContain('carol-pw');
    expect(await signIn('carol', 'carol-pw')).toMatchObject({ status: 200 });
  });

  it('refuses a project that is not on the server, and an empty password file', async () => {
    const m = memoryIo(files());
    expect(await run(['server', 'add-coder', ...common(), '--project', 'nope', '--coder', 'dan', '--password-file', 'carol.txt'], m.io)).toBe(1);
    expect(m.stderr()).toBe(`threadmark: There is no project “nope” on ${couch.url}: run threadmark server init first\n`);
    const n = memoryIo({ ...files(), 'empty.txt': '\n' });
    expect(await run(['server', 'add-coder', ...common(), '--project', 'cli1', '--coder', 'dan', '--password-file', 'empty.txt'], n.io)).toBe(1);
    expect(n.stderr()).toBe('threadmark: empty.txt is empty: it holds the password on one line\n');
  });
});

describe('parsePasswordsFile', () => {
  it('skips the header and blank lines, keeps the password as is, case ignored in names', () => {
    const parsed = parsePasswordsFile('Name,Password\r\n Ada ,  spaced pw \r\n\r\nben,x,y\r\n', 'u.csv');
    expect(parsed).toEqual({ ok: true, value: new Map([['ada', '  spaced pw '], ['ben', 'x,y']]) });
  });
});
