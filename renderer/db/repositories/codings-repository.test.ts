import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importBundle } from '../bundle-io';
import type { ThreadmarkDB } from '../database';
import { freshDb, sampleBundle, tableCounts, testClock, testIds } from '../testing/test-support';

import {
  addCoding,
  codingsForPost,
  codingsForThread,
  removeCoding,
  restoreCoding,
  updateMemo,
} from './codings-repository';

let db: ThreadmarkDB;
const deps = () => ({ clock: testClock(), ids: testIds('new') });
const input = { postId: 'p-b1', codeId: 'c-fallacy', coderId: 'coder-ana', start: 2, end: 7, memo: 'family' };

beforeEach(async () => {
  db = freshDb();
  await importBundle(db, sampleBundle());
});
afterEach(async () => {
  await db.delete();
});

describe('addCoding', () => {
  it('stores code point offsets and derives quote and threadId from the stored post', async () => {
    const coding = await addCoding(db, input, deps());
    expect(coding).toEqual({
      id: 'new-1',
      postId: 'p-b1',
      threadId: 't-b',
      codeId: 'c-fallacy',
      coderId: 'coder-ana',
      start: 2,
      end: 7,
      quote: '👩‍👩‍👧',
      memo: 'family',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(await db.codings.get('new-1')).toEqual(coding);
  });

  it('accepts a whole-post coding ending at the last code point', async () => {
    const coding = await addCoding(db, { ...input, start: 0, end: 13 }, deps());
    expect(coding.quote).toBe('I 👩‍👩‍👧 agree');
  });

  it.each([
    ['start equal to end', { start: 3, end: 3 }, /invalid range/],
    ['start after end', { start: 5, end: 2 }, /invalid range/],
    ['negative start', { start: -1, end: 2 }, /invalid range/],
    ['fractional offset', { start: 1.5, end: 3 }, /invalid range/],
    ['end past the text (UTF-16 length is larger)', { start: 0, end: 14 }, /past its end \(13\)/],
    ['unknown post', { postId: 'nope' }, /post nope does not exist/],
    ['unknown code', { codeId: 'nope' }, /code nope does not exist/],
    ['unknown coder', { coderId: 'nope' }, /coder nope does not exist/],
  ])('rejects %s and writes nothing', async (_, patch, message) => {
    const before = await tableCounts(db);
    await expect(addCoding(db, { ...input, ...patch }, deps())).rejects.toThrow(message);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('refuses a category-only code: nothing can be coded with it', async () => {
    await db.codes.update('c-fallacy', { codable: false });
    await expect(addCoding(db, input, deps())).rejects.toThrow('Cannot code with “Fallacy”: it is a category that only groups codes.');
  });
});

describe('remove and restore', () => {
  it('removes a coding, returns it, and restores it exactly (undo/redo)', async () => {
    const added = await addCoding(db, input, deps());
    const removed = await removeCoding(db, added.id);
    expect(removed).toEqual(added);
    expect(await db.codings.get(added.id)).toBeUndefined();
    expect(await removeCoding(db, added.id)).toBeUndefined();

    await restoreCoding(db, added);
    expect(await db.codings.get(added.id)).toEqual(added);
  });

  it('refuses to restore a coding whose code has gone', async () => {
    const removed = await removeCoding(db, 'k-1');
    if (!removed) throw new Error('fixture coding missing');
    await db.codes.delete('c-agree');
    await expect(restoreCoding(db, removed)).rejects.toThrow(/code c-agree no longer exists/);
    expect(await db.codings.get('k-1')).toBeUndefined();
  });
});

describe('updateMemo', () => {
  it('returns the previous memo and bumps updatedAt', async () => {
    const clock = testClock();
    const added = await addCoding(db, input, { clock, ids: testIds() });
    const { before, after } = await updateMemo(db, added.id, 'a better memo', clock);
    expect(before).toBe('family');
    expect(after).toEqual({ ...added, memo: 'a better memo', updatedAt: '2025-01-01T00:00:01.000Z' });
    expect(await db.codings.get(added.id)).toEqual(after);
  });

  it('rejects an unknown coding', async () => {
    await expect(updateMemo(db, 'nope', 'x', testClock())).rejects.toThrow(/coding nope does not exist/);
  });
});

describe('queries', () => {
  it('lists a post’s codings by position and a thread’s by post then position', async () => {
    expect((await codingsForPost(db, 'p-b1')).map((c) => c.id)).toEqual(['k-1', 'k-2']);
    expect((await codingsForThread(db, 't-b')).map((c) => c.id)).toEqual(['k-1', 'k-2', 'k-4', 'k-3']);
    expect((await codingsForThread(db, 't-a')).map((c) => c.id)).toEqual(['k-5']);
  });
});
