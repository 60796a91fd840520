import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importBundle } from '../bundle-io';
import type { ThreadmarkDB } from '../database';
import { freshDb, sampleBundle, tableCounts, testIds } from '../testing/test-support';

import {
  addCode,
  countCodingsOfCode,
  deleteCode,
  listCodes,
  restoreDeletedCodes,
  updateCode,
} from './codes-repository';

let db: ThreadmarkDB;
const deps = { ids: testIds('code') };
const base = { color: '#112233', description: 'd' };

beforeEach(async () => {
  db = freshDb();
  await importBundle(db, sampleBundle());
});
afterEach(async () => {
  await db.delete();
});

describe('addCode', () => {
  it('adds a trimmed code last among its siblings', async () => {
    const code = await addCode(db, { ...base, name: '  Derailing ', color: '#ABCDEF', parentId: 'c-fallacy' }, deps);
    expect(code).toMatchObject({ name: 'Derailing', color: '#abcdef', parentId: 'c-fallacy', order: 2 });
    const root = await addCode(db, { ...base, name: 'Hedging' }, deps);
    expect(root).toMatchObject({ parentId: null, order: 2 });
    expect((await listCodes(db)).map((c) => c.name)).toEqual([
      'Fallacy',
      'Whataboutism',
      'False equivalence',
      'Deep child',
      'Derailing',
      'Agreement',
      'Hedging',
    ]);
  });

  it('gives the first child order 0', async () => {
    expect(await addCode(db, { ...base, name: 'Sub', parentId: 'c-agree' }, deps)).toMatchObject({ order: 0 });
  });

  it.each([
    ['an empty name', { name: '   ' }, /needs a name/],
    ['a sibling name in another case', { name: 'whataboutism ', parentId: 'c-fallacy' }, /"Whataboutism" already exists under the same parent/],
    ['a root name in another case', { name: 'AGREEMENT' }, /"Agreement" already exists at the top level/],
    ['a bad colour', { name: 'X', color: 'red' }, /#rrggbb/],
    ['an unknown parent', { name: 'X', parentId: 'nope' }, /parent nope does not exist/],
  ])('refuses %s and writes nothing', async (_, patch, message) => {
    const before = await tableCounts(db);
    await expect(addCode(db, { ...base, ...patch }, deps)).rejects.toThrow(message);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('allows the same name under a different parent', async () => {
    await expect(addCode(db, { ...base, name: 'Agreement', parentId: 'c-fallacy' }, deps)).resolves.toMatchObject({
      name: 'Agreement',
    });
  });
});

describe('updateCode', () => {
  it('renames, recolours and redescribes', async () => {
    const updated = await updateCode(db, 'c-agree', { name: ' Agreeing ', color: '#00FF00', description: ' new ' });
    expect(updated).toMatchObject({ id: 'c-agree', name: 'Agreeing', color: '#00ff00', description: 'new', order: 1 });
    expect(await db.codes.get('c-agree')).toEqual(updated);
  });

  it('allows a change of case of its own name but not a sibling’s name', async () => {
    await expect(updateCode(db, 'c-agree', { name: 'AGREEMENT' })).resolves.toMatchObject({ name: 'AGREEMENT' });
    await expect(updateCode(db, 'c-agree', { name: 'fallacy' })).rejects.toThrow(/"Fallacy" already exists/);
    await expect(updateCode(db, 'c-agree', { color: '#12345' })).rejects.toThrow(/#rrggbb/);
    await expect(updateCode(db, 'nope', { name: 'x' })).rejects.toThrow(/code nope does not exist/);
    expect((await db.codes.get('c-agree'))?.name).toBe('AGREEMENT');
  });
});

describe('deleteCode', () => {
  it('counts the codings of a code and its descendants', async () => {
    expect(await countCodingsOfCode(db, 'c-fallacy')).toBe(3);
    expect(await countCodingsOfCode(db, 'c-false-eq')).toBe(2);
    expect(await countCodingsOfCode(db, 'c-agree')).toBe(2);
  });

  it('deletes the code, its descendants and their codings together, returning them', async () => {
    const deleted = await deleteCode(db, 'c-fallacy');
    expect(deleted.codes.map((c) => c.id)).toEqual(['c-fallacy', 'c-whatabout', 'c-false-eq', 'c-deep']);
    expect(deleted.codings.map((c) => c.id).sort()).toEqual(['k-3', 'k-4', 'k-5']);
    expect(await tableCounts(db)).toMatchObject({ codes: 1, codings: 2 });
    expect((await db.codings.toArray()).map((c) => c.codeId)).toEqual(['c-agree', 'c-agree']);
  });

  it('is all or nothing: a failure while deleting codings keeps every code', async () => {
    const before = await tableCounts(db);
    const fail = () => {
      throw new Error('injected');
    };
    db.codes.hook('deleting', fail);
    await expect(deleteCode(db, 'c-fallacy')).rejects.toThrow();
    db.codes.hook('deleting').unsubscribe(fail);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('undoes a delete exactly', async () => {
    const before = { codes: await db.codes.toArray(), codings: await db.codings.toArray() };
    const deleted = await deleteCode(db, 'c-false-eq');
    await restoreDeletedCodes(db, deleted);
    expect(await db.codes.toArray()).toEqual(before.codes);
    expect(await db.codings.toArray()).toEqual(before.codings);
  });

  it('refuses an undo that would clash with a newer sibling', async () => {
    const deleted = await deleteCode(db, 'c-agree');
    await addCode(db, { ...base, name: 'agreement' }, deps);
    const before = await tableCounts(db);
    await expect(restoreDeletedCodes(db, deleted)).rejects.toThrow(/already exists/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('rejects an unknown code', async () => {
    await expect(deleteCode(db, 'nope')).rejects.toThrow(/code nope does not exist/);
  });
});
