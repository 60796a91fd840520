import { describe, expect, it } from 'vitest';

import type { JournalEntry } from '@shared/project/journal-entry';
import type { ProjectReader, ProjectStore } from '@shared/project/project-store';

import { followJournalPatched } from './follow-journal-patched';

/**
 * A store whose reads wait until the test answers them, with what is "stored" at that moment: the
 * value is the list of entry ids applied, so every patch and every read shows in what is told.
 */
function fakeStore() {
  const stored = { seq: 0, ids: [] as string[] };
  const listeners = new Set<(entry: JournalEntry) => void>();
  const pending: Array<{ answer: () => void; fail: (error: unknown) => void }> = [];
  const store: Pick<ProjectStore, 'read' | 'subscribe'> = {
    read: <T>(fn: (reader: ProjectReader) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        pending.push({
          answer: () => {
            const seq = stored.seq;
            const ids = [...stored.ids];
            fn({ lastSeq: async () => seq, ids } as unknown as ProjectReader).then(resolve, reject);
          },
          fail: reject,
        });
      }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  /** Stores entry `seq` and tells it (or, with `told: false`, only stores it: an entry missed). */
  const write = (seq: number, { told = true, operation = 'x' } = {}): JournalEntry => {
    const entry = { id: `e${seq}`, seq, at: '', actorId: 'a', actorName: 'A', operation, summary: '', changes: [], addedPosts: [], reverts: null };
    stored.seq = seq;
    stored.ids.push(entry.id);
    if (told) for (const listener of listeners) listener(entry);
    return entry;
  };
  return { store, pending, write, listeners };
}

/** Lets the answered reads' continuations run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function follow(store: Pick<ProjectStore, 'read' | 'subscribe'>) {
  const told: Array<{ ids: string[]; entry: string | null }> = [];
  const errors: unknown[] = [];
  const stop = followJournalPatched<string[]>(
    store,
    async (r) => (r as unknown as { ids: string[] }).ids,
    // 'same' changes nothing; 'unknown' is one the patch cannot tell.
    (ids, entry) => (entry.operation === 'unknown' ? null : entry.operation === 'same' ? ids : [...ids, entry.id]),
    (ids, entry) => told.push({ ids, entry: entry?.id ?? null }),
    (error) => errors.push(error),
  );
  return { told, errors, stop };
}

describe('followJournalPatched', () => {
  it('tells the first read, then patches each next entry without reading, skipping entries that change nothing', async () => {
    const { store, pending, write } = fakeStore();
    write(1);
    const { told } = follow(store);
    pending[0]!.answer();
    await settle();
    expect(told).toEqual([{ ids: ['e1'], entry: null }]);
    write(2);
    write(3, { operation: 'same' });
    write(4);
    expect(told.slice(1)).toEqual([
      { ids: ['e1', 'e2'], entry: 'e2' },
      { ids: ['e1', 'e2', 'e4'], entry: 'e4' },
    ]);
    expect(pending).toHaveLength(1);
  });

  it('applies entries told during a read after it, in order, dropping those the read already has', async () => {
    const { store, pending, write } = fakeStore();
    const { told } = follow(store);
    write(1);
    // The read sees e1 (stored when it is answered); e2 and e3 are told before its answer lands.
    pending[0]!.answer();
    write(2);
    write(3);
    await settle();
    expect(told).toEqual([{ ids: ['e1', 'e2', 'e3'], entry: null }]);
    expect(pending).toHaveLength(1);
  });

  it('reads again after a gap in the seqs, and after an entry the patch cannot tell', async () => {
    const { store, pending, write } = fakeStore();
    const { told } = follow(store);
    pending[0]!.answer();
    await settle();
    write(1, { told: false });
    write(2);
    expect(pending).toHaveLength(2);
    pending[1]!.answer();
    await settle();
    expect(told.at(-1)).toEqual({ ids: ['e1', 'e2'], entry: null });
    write(3, { operation: 'unknown' });
    expect(pending).toHaveLength(3);
    pending[2]!.answer();
    await settle();
    expect(told.at(-1)).toEqual({ ids: ['e1', 'e2', 'e3'], entry: null });
    // Nothing told from the entries that asked for the reads.
    expect(told.map((t) => t.entry)).toEqual([null, null, null]);
  });

  it('has one read out at a time: what is told meanwhile waits, and a gap among it asks for the next read after', async () => {
    const { store, pending, write } = fakeStore();
    const { told } = follow(store);
    // Answered as of seq 0; e1, e3 and e4 are told (e2 missed) before the answer lands.
    pending[0]!.answer();
    write(1);
    write(2, { told: false });
    write(3);
    write(4, { operation: 'unknown' });
    // No read overtakes the one that is out, so no stale answer can land after a newer one.
    expect(pending).toHaveLength(1);
    await settle();
    // e1 patched, e3 a gap: read again, and the value with a hole in it is never told.
    expect(pending).toHaveLength(2);
    expect(told).toEqual([]);
    pending[1]!.answer();
    await settle();
    // The read (as of e4) had all that waited: none applied twice, no read more.
    expect(told).toEqual([{ ids: ['e1', 'e2', 'e3', 'e4'], entry: null }]);
    expect(pending).toHaveLength(2);

    write(5, { told: false });
    write(6);
    write(7);
    write(8);
    expect(pending).toHaveLength(3);
    pending[2]!.answer();
    await settle();
    expect(told).toEqual([
      { ids: ['e1', 'e2', 'e3', 'e4'], entry: null },
      { ids: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'], entry: null },
    ]);
  });

  it('tells nothing more once stopped, and unsubscribes', async () => {
    const { store, pending, write, listeners } = fakeStore();
    const { told, stop } = follow(store);
    write(1);
    stop();
    expect(listeners.size).toBe(0);
    pending[0]!.answer();
    await settle();
    write(2);
    expect(told).toEqual([]);
  });

  it('sends a failed read to onError, and not one that failed after stopping', async () => {
    const { store, pending } = fakeStore();
    const { told, errors } = follow(store);
    pending[0]!.fail(new Error('read failed'));
    await settle();
    expect(errors).toEqual([new Error('read failed')]);
    expect(told).toEqual([]);

    const second = fakeStore();
    const stopped = follow(second.store);
    stopped.stop();
    second.pending[0]!.fail(new Error('after stop'));
    await settle();
    expect(stopped.errors).toEqual([]);
  });
});
