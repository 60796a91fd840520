import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { freshDb, testIds } from '../testing/test-support';

import { codersByName } from '@shared/project/queries/codebook-reads';

import { storeOf } from '../run-in-project';
import { saveConnection } from '../sync-state';
import { ensureCoder } from './coders-repository';
import { getCurrentCoderId, setCurrentCoderId } from './settings-repository';

let db: ThreadmarkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('coders', () => {
  it('reuses a coder of the same trimmed name in any case, journals a new one, and lists coders by name', async () => {
    const ids = testIds('coder');
    const zoe = await ensureCoder(db, ' Zoë ', ids);
    expect(zoe).toMatchObject({ id: 'coder-1', name: 'Zoë' });
    expect((await ensureCoder(db, 'Zoë', ids)).id).toBe('coder-1');
    expect((await ensureCoder(db, 'zoË', ids)).id).toBe('coder-1');
    await ensureCoder(db, 'Adam', ids);
    expect((await storeOf(db).read(codersByName)).map((c) => c.name)).toEqual(['Adam', 'Zoë']);
    expect((await db.journal.toArray()).map((e) => [e.operation, e.actorName])).toEqual([
      ['coders.add', 'Zoë'],
      ['coders.add', 'Adam'],
    ]);
  });

  it('in a project connected to a team server gives a coder the team id of their name, not the machine’s id', async () => {
    await saveConnection(db, { serverUrl: 'http://couch', projectKey: 'team', user: 'lena', lead: true, connectedAt: '2026-01-01T00:00:00.000Z' });
    const ada = await ensureCoder(db, 'Ada', testIds('machine'), undefined, 'machine-7');
    expect(ada).toEqual({ id: 'coder-ada', name: 'Ada' });
    expect((await db.coders.toArray()).map((c) => c.id)).toEqual(['coder-ada']);
  });

  it('in a connected project keeps the id of the record the server already had for the user', async () => {
    await saveConnection(db, { serverUrl: 'http://couch', projectKey: 'team', user: 'ada', lead: false, coder: { id: 'old-ada', name: 'Ada' }, connectedAt: '2026-01-01T00:00:00.000Z' });
    expect((await ensureCoder(db, 'Ada', testIds('machine'), undefined, 'old-ada')).id).toBe('old-ada');
  });

  it('refuses an empty name', async () => {
    await expect(ensureCoder(db, '  ', testIds())).rejects.toThrow(/needs a name/);
    expect(await db.coders.count()).toBe(0);
  });
});

describe('current coder setting', () => {
  it('is null until set, then persists in the meta table', async () => {
    expect(await getCurrentCoderId(db)).toBeNull();
    const coder = await ensureCoder(db, 'Ana', testIds());
    await setCurrentCoderId(db, coder.id);
    expect(await getCurrentCoderId(db)).toBe(coder.id);
    expect(await db.meta.get('currentCoderId')).toEqual({ key: 'currentCoderId', value: coder.id });
  });

  it('refuses an unknown coder', async () => {
    await expect(setCurrentCoderId(db, 'ghost')).rejects.toThrow(/coder ghost/);
    expect(await getCurrentCoderId(db)).toBeNull();
  });
});
