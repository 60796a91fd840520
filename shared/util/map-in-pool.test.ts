import { describe, expect, it } from 'vitest';

import { mapInPool } from './map-in-pool';

/** Calls that settle only when the test says so, recording how many were in flight at most. */
function heldCalls() {
  const pending = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const started: number[] = [];
  let inFlight = 0;
  let most = 0;
  const fn = (item: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(item);
      inFlight++;
      most = Math.max(most, inFlight);
      const done = () => inFlight--;
      pending.set(item, { resolve: (v) => (done(), resolve(v)), reject: (e) => (done(), reject(e)) });
    });
  const settle = async (item: number, error?: Error) => {
    const call = pending.get(item)!;
    pending.delete(item);
    if (error) call.reject(error);
    else call.resolve(`r${item}`);
    // Let the pool start its next call.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { fn, settle, started, most: () => most, pending };
}

describe('mapInPool', () => {
  it('keeps at most `limit` calls in flight, starts the next as one settles, and answers in the items’ order', async () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const held = heldCalls();
    const all = mapInPool(items, 4, held.fn);
    await Promise.resolve();
    expect(held.started).toEqual([0, 1, 2, 3]);
    // Settled out of order: the answers still come back in item order.
    await held.settle(2);
    expect(held.started).toEqual([0, 1, 2, 3, 4]);
    // The rest settled newest first: still never more than four at once.
    while (held.pending.size > 0) await held.settle(Math.max(...held.pending.keys()));
    expect(await all).toEqual(items.map((i) => `r${i}`));
    expect(held.most()).toBe(4);
    expect([...held.started].sort((a, b) => a - b)).toEqual(items);
  });

  it('runs everything at once when the limit is above the count, and answers [] for no items', async () => {
    const held = heldCalls();
    const all = mapInPool([0, 1, 2], 8, held.fn);
    await Promise.resolve();
    expect(held.started).toEqual([0, 1, 2]);
    for (const i of [2, 1, 0]) await held.settle(i);
    expect(await all).toEqual(['r0', 'r1', 'r2']);
    expect(await mapInPool([], 4, held.fn)).toEqual([]);
  });

  it('rejects with the first failure and starts no call after it', async () => {
    const held = heldCalls();
    const all = mapInPool([0, 1, 2, 3, 4], 2, held.fn);
    const outcome = all.catch((e: Error) => e.message);
    await Promise.resolve();
    await held.settle(1, new Error('project 1 is broken'));
    expect(await outcome).toBe('project 1 is broken');
    expect(held.started).toEqual([0, 1]);
  });

  it('refuses a limit below one', async () => {
    await expect(mapInPool([1], 0, async (x) => x)).rejects.toThrow(/at least 1/);
  });
});
