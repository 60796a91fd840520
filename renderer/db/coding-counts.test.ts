import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import type { Coding } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { deleteThread } from '@shared/project/operations/threads';
import { revertEntry } from '@shared/project/operations/revert';
import { runOperation } from '@shared/project/run-operation';
import { runParityScript } from '@shared/project/testing/parity-script.test-helpers';

import { applyCodingCounts, countStoredCodings } from './coding-counts';
import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

/** The independent count: every stored coding read and tallied by code, then coder. */
function naiveCounts(codings: readonly Coding[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const c of codings) {
    const byCoder = counts.get(c.codeId) ?? new Map<string, number>();
    byCoder.set(c.coderId, (byCoder.get(c.coderId) ?? 0) + 1);
    counts.set(c.codeId, byCoder);
  }
  return counts;
}

const sorted = (counts: Map<string, Map<string, number>>) => [...counts].map(([code, byCoder]) => [code, [...byCoder].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('coding counts kept by the apply step', () => {
  it('equal a naive count of the stored codings, and the bundle adapter’s, after every kind of change', async () => {
    const db = freshDb();
    const dexie = new DexieProjectStore(db);
    const memory = new MemoryProjectStore();
    const env = { clock: testClock(), ids: testIds() };
    // Adds, a memo, a merge (codings move to another code), a second coder's layer, three undos.
    await runParityScript(dexie, env);
    await runParityScript(memory, { clock: testClock(), ids: testIds() });
    const check = async () => {
      const stored = await db.codings.toArray();
      expect(stored.length).toBeGreaterThan(0);
      const kept = await dexie.read((r) => r.codingCountsByCodeAndCoder());
      expect(sorted(kept)).toEqual(sorted(naiveCounts(stored)));
      expect(await dexie.read((r) => r.codingCountsByCode())).toEqual(new Map([...naiveCounts(stored)].map(([code, byCoder]) => [code, [...byCoder.values()].reduce((a, b) => a + b, 0)])));
    };
    await check();
    expect(sorted(await dexie.read((r) => r.codingCountsByCodeAndCoder()))).toEqual(sorted(await memory.read((r) => r.codingCountsByCodeAndCoder())));

    // A thread deleted with its codings, then the deletion undone.
    const actor = { id: 'coder-ada', name: 'Ada' };
    const coded = (await db.codings.toArray())[0]!;
    const deleted = await runOperation(dexie, deleteThread, { threadId: coded.threadId }, { ...env, actor });
    expect(deleted.ok).toBe(true);
    expect(await db.codings.where('threadId').equals(coded.threadId).count()).toBe(0);
    await check();
    const undone = await runOperation(dexie, revertEntry, { entryId: deleted.ok ? deleted.value.entry!.id : '', verb: 'undo' }, { ...env, actor });
    expect(undone.ok).toBe(true);
    await check();
    await db.delete();
  });

  it('never go below zero for a coding that reached the store uncounted, and drop a pair at zero', async () => {
    const db = freshDb();
    await db.open();
    const coding = { id: 'k1', postId: 'p1', threadId: 't1', codeId: 'c1', coderId: 'ada', start: 0, end: 1, quote: 'a', memo: '', createdAt: '', updatedAt: '' } satisfies Coding;
    await db.transaction('rw', db.codingCounts, async () => {
      await applyCodingCounts(db, [{ before: null, after: coding }]);
      await applyCodingCounts(db, [{ before: null, after: { ...coding, id: 'k2', coderId: 'ben' } }]);
    });
    expect(await db.codingCounts.toArray()).toEqual([
      { codeId: 'c1', coderId: 'ada', count: 1 },
      { codeId: 'c1', coderId: 'ben', count: 1 },
    ]);
    await db.transaction('rw', db.codingCounts, async () => {
      // Removed twice (the second one was never counted): zero, and the row goes.
      await applyCodingCounts(db, [{ before: coding, after: null }]);
      await applyCodingCounts(db, [{ before: coding, after: null }]);
      // Moved to another code: one off, one on.
      await applyCodingCounts(db, [{ before: { ...coding, coderId: 'ben' }, after: { ...coding, coderId: 'ben', codeId: 'c2' } }]);
    });
    expect(await db.codingCounts.toArray()).toEqual([{ codeId: 'c2', coderId: 'ben', count: 1 }]);
    await db.delete();
  });

  it('are counted from the indexes alone as a naive count has them (one, two and three coders)', async () => {
    const db = freshDb();
    await db.open();
    const codings: Coding[] = Array.from({ length: 200 }, (_, i) => ({ id: `k${i}`, postId: `p${i % 17}`, threadId: 't1', codeId: `c${(i * 7) % 5}`, coderId: ['ada', 'ben', 'cy'][i % 3 === 0 ? 0 : i % 7 === 0 ? 2 : 1]!, start: 0, end: 1, quote: 'a', memo: '', createdAt: '', updatedAt: '' }));
    for (const some of [codings.filter((c) => c.coderId === 'ben'), codings.filter((c) => c.coderId !== 'cy'), codings]) {
      await db.codings.clear();
      await db.codings.bulkAdd(some);
      const rows = await countStoredCodings(db.codings);
      const counted = new Map<string, Map<string, number>>();
      for (const r of rows) counted.set(r.codeId, (counted.get(r.codeId) ?? new Map()).set(r.coderId, r.count));
      expect(sorted(counted)).toEqual(sorted(naiveCounts(some)));
    }
    await db.delete();
  });
});
