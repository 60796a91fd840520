import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Coding } from '@shared/model/records';

import { ThreadmarkDB } from '../database';
import { tableCounts } from '../testing/test-support';

import { MIGRATIONS } from '.';

let name: string;

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

const before11 = MIGRATIONS.filter((m) => m.version < 11);
const upTo11 = MIGRATIONS.filter((m) => m.version <= 11);

const coding = (i: number): Coding => ({ id: `k${i}`, postId: `p${i % 9}`, threadId: `t${i % 2}`, codeId: `c${i % 4}`, coderId: i % 3 === 0 ? 'ben' : 'ada', start: 0, end: 2, quote: 'ab', memo: '', createdAt: '', updatedAt: '' });

describe('migration 11: coding counts', () => {
  it('fills each code × coder count from the stored codings and keeps every other row', async () => {
    name = `threadmark-0011-${crypto.randomUUID()}`;
    const old = new ThreadmarkDB(name, before11);
    await old.open();
    const codings = Array.from({ length: 50 }, (_, i) => coding(i));
    await old.codings.bulkAdd(codings);
    const before = await tableCounts(old);
    old.close();

    const db = new ThreadmarkDB(name, upTo11);
    await db.open();
    expect(db.verno).toBe(11);
    // Naively: 4 codes × 2 coders, each pair's codings counted one by one.
    const expected = [];
    for (const codeId of ['c0', 'c1', 'c2', 'c3']) {
      for (const coderId of ['ada', 'ben']) {
        const count = codings.filter((c) => c.codeId === codeId && c.coderId === coderId).length;
        if (count > 0) expected.push({ codeId, coderId, count });
      }
    }
    expect(await db.codingCounts.toArray()).toEqual(expected);
    expect(await tableCounts(db)).toEqual({ ...before, codingCounts: expected.length });
    expect(await db.codings.toArray()).toEqual([...codings].sort((a, b) => (a.id < b.id ? -1 : 1)));
    db.close();
  });

  it('leaves the counts empty in a project without codings', async () => {
    name = `threadmark-0011-${crypto.randomUUID()}`;
    const old = new ThreadmarkDB(name, before11);
    await old.open();
    old.close();
    const db = new ThreadmarkDB(name, upTo11);
    await db.open();
    expect(await db.codingCounts.count()).toBe(0);
    db.close();
  });
});
