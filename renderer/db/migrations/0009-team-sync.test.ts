import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import { ThreadmarkDB } from '../database';
import { deviceIdOf, forgetConnection, readCheckpoint, readConnection, readPushedSeq, saveCheckpoint, saveConnection, savePushedSeq } from '../sync-state';
import { writeV2Rows } from '../testing/old-schema-rows';
import { tableCounts } from '../testing/test-support';

import { MIGRATIONS } from '.';

let name: string;

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

const connection = { serverUrl: 'https://couch.example.org', projectKey: 'study', user: 'ana', lead: false, connectedAt: '2026-12-07T14:00:00.000Z' };

describe('migration 9: team sync state', () => {
  it('keeps every row, adds an empty syncState table, and a project starts unconnected', async () => {
    name = `threadmark-0009-${crypto.randomUUID()}`;
    // Rows as an older schema stored them, upgraded to 8 (the store itself always speaks the newest schema).
    const v2 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 2));
    await writeV2Rows(v2);
    v2.close();
    const v8 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 8));
    await v8.open();
    const before = await tableCounts(v8);
    v8.close();

    const v9 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 9));
    await v9.open();
    expect(v9.verno).toBe(9);
    expect(Object.values(before).some((n) => n > 0)).toBe(true);
    expect(await tableCounts(v9)).toEqual({ ...before, syncState: 0 });
    expect(await readConnection(v9)).toBeNull();
    expect(await readPushedSeq(v9)).toBeNull();
    expect(await readCheckpoint(v9, 'corpus')).toEqual({ since: 0, deferred: [] });
    v9.close();
  });

  it('keeps the connection and progress, makes the device id once, and a disconnect keeps only the device id', async () => {
    name = `threadmark-0009s-${crypto.randomUUID()}`;
    const db = new ThreadmarkDB(name, MIGRATIONS.slice(0, 9));
    let made = 0;
    const makeId = () => `device-${++made}`;
    expect(await deviceIdOf(db, makeId)).toBe('device-1');
    expect(await deviceIdOf(db, makeId)).toBe('device-1');
    await saveConnection(db, connection);
    await savePushedSeq(db, 42);
    await saveCheckpoint(db, 'layer:ana', { since: '17-abc', deferred: [{ _id: 'codings:c1' }] });
    expect(await readConnection(db)).toEqual(connection);
    expect(await readPushedSeq(db)).toBe(42);
    expect(await readCheckpoint(db, 'layer:ana')).toEqual({ since: '17-abc', deferred: [{ _id: 'codings:c1' }] });
    // No password anywhere in what is stored.
    expect(JSON.stringify(await db.syncState.toArray())).not.toMatch(/password/i);

    await forgetConnection(db);
    expect(await readConnection(db)).toBeNull();
    expect(await readPushedSeq(db)).toBeNull();
    expect(await readCheckpoint(db, 'layer:ana')).toEqual({ since: 0, deferred: [] });
    expect(await deviceIdOf(db, makeId)).toBe('device-1');
    db.close();
  });
});
