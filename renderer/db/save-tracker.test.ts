import { describe, expect, it } from 'vitest';

import { SaveTracker } from './save-tracker';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('SaveTracker', () => {
  it('is stuck once a write has been pending 15 s, not before', () => {
    let now = 1_000;
    const tracker = new SaveTracker({ now: () => now });
    void tracker.track('Saving coding', deferred().promise);
    now += 14_999;
    expect(tracker.state()).toMatchObject({ pending: 1, stuck: false });
    now += 1;
    expect(tracker.state()).toMatchObject({ pending: 1, stuck: true });
    expect(tracker.pendingLabels()).toEqual(['Saving coding']);
  });

  it('clears pending and stuck when the write settles, and records the save time', async () => {
    let now = 0;
    const tracker = new SaveTracker({ now: () => now, stuckAfterMs: 100 });
    const write = deferred<number>();
    const tracked = tracker.track('w', write.promise);
    now = 500;
    expect(tracker.state().stuck).toBe(true);
    write.resolve(42);
    expect(await tracked).toBe(42);
    await settle();
    expect(tracker.state()).toEqual({ pending: 0, stuck: false, lastError: null, lastSavedAt: 500 });
  });

  it('remembers the last error until dismissed and passes the rejection on', async () => {
    const tracker = new SaveTracker({ now: () => 7 });
    const write = deferred();
    const tracked = tracker.track('Saving memo', write.promise);
    write.reject(new TypeError('disk full'));
    await expect(tracked).rejects.toThrow('disk full');
    await settle();
    expect(tracker.state()).toEqual({ pending: 0, stuck: false, lastError: 'Saving memo: TypeError: disk full', lastSavedAt: null });
    tracker.dismissError();
    expect(tracker.state().lastError).toBeNull();
  });

  it('keeps a plain error’s message only, and clears it when a later write succeeds', async () => {
    const tracker = new SaveTracker({ now: () => 7 });
    await tracker.track('add code', Promise.reject(new Error('A code needs a name.'))).catch(() => undefined);
    await settle();
    expect(tracker.state().lastError).toBe('add code: A code needs a name.');
    await tracker.track('add code', Promise.resolve());
    await settle();
    expect(tracker.state()).toMatchObject({ lastError: null, lastSavedAt: 7 });
  });

  it('notifies on every change and keeps a stable snapshot while nothing changes', async () => {
    const tracker = new SaveTracker({ now: () => 0 });
    let calls = 0;
    const unsubscribe = tracker.subscribe(() => calls++);
    const first = tracker.state();
    expect(tracker.state()).toBe(first);
    const write = deferred();
    void tracker.track('w', write.promise);
    expect(calls).toBe(1);
    expect(tracker.state()).not.toBe(first);
    write.resolve();
    await settle();
    expect(calls).toBe(2);
    unsubscribe();
    void tracker.track('w2', Promise.resolve());
    await settle();
    expect(calls).toBe(2);
  });
});
