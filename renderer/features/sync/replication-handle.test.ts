import { describe, expect, it } from 'vitest';

import { forReplication } from './replication-handle';

/** A remote handle as PouchDB's HTTP adapter makes one: every id() and info() is a request to the server. */
function fakeRemote(answers: string[]) {
  const asked = { id: 0, info: 0 };
  const remote = {
    id: () => {
      asked.id++;
      return Promise.resolve(answers[Math.min(asked.id, answers.length) - 1]!);
    },
    info: () => {
      asked.info++;
      return Promise.reject(new TypeError('Failed to fetch'));
    },
  };
  return { remote: remote as unknown as PouchDB.Database, asked };
}

describe('forReplication', () => {
  it('asks the server for its id once, however many replications start', async () => {
    const { remote, asked } = fakeRemote(['uuid-1tm-p-corpus']);
    const handle = forReplication(remote, 'tm-p-corpus', () => 7) as unknown as { id(): Promise<string> };
    expect(await Promise.all([handle.id(), handle.id()])).toEqual(['uuid-1tm-p-corpus', 'uuid-1tm-p-corpus']);
    expect(await handle.id()).toBe('uuid-1tm-p-corpus');
    expect(asked.id).toBe(1);
  });

  it('does not keep the URL PouchDB names a server by when it did not answer: the next start asks again', async () => {
    const { remote, asked } = fakeRemote(['http://127.0.0.1:5984/tm-p-corpus/', 'uuid-1tm-p-corpus']);
    const handle = forReplication(remote, 'tm-p-corpus', () => 7) as unknown as { id(): Promise<string> };
    expect(await handle.id()).toBe('http://127.0.0.1:5984/tm-p-corpus/');
    expect(await handle.id()).toBe('uuid-1tm-p-corpus');
    expect(await handle.id()).toBe('uuid-1tm-p-corpus');
    expect(asked.id).toBe(2);
  });

  it('answers info() without the server, with the sequence last seen, and never fails (offline included)', async () => {
    const { remote, asked } = fakeRemote(['uuid']);
    let seen: unknown = undefined;
    const handle = forReplication(remote, 'tm-p-corpus', () => seen) as unknown as { info(): Promise<object> };
    expect(await handle.info()).toEqual({ db_name: 'tm-p-corpus', update_seq: 0 });
    seen = '12-g1AAAA';
    expect(await handle.info()).toEqual({ db_name: 'tm-p-corpus', update_seq: '12-g1AAAA' });
    expect(asked.info).toBe(0);
  });
});
