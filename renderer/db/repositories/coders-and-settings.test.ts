import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ThreadmarkDB } from '../database';
import { freshDb, testIds } from '../testing/test-support';

import { codersByName } from '@shared/project/queries/codebook-reads';

import { storeOf } from '../run-in-project';
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
