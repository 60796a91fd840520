import 'fake-indexeddb/auto';

import { describe, expect, it, vi } from 'vitest';

import type { JournalEntry } from '@shared/project/journal-entry';
import { addCoding } from '@shared/project/operations/codings';
import { runOperation } from '@shared/project/run-operation';

import { ThreadmarkDB } from './database';
import { DexieProjectStore } from './dexie-project-store';
import { openSampleProject, until } from './testing/sample-project';
import { testIds } from './testing/test-support';

describe('the project store’s journal watch', () => {
  it('tells this window’s entries once without reading them back, and reads another window’s', async () => {
    const { db, store, env } = await openSampleProject();
    const last = await store.read((r) => r.lastSeq());
    const told: JournalEntry[] = [];
    const stop = store.subscribe((entry) => told.push(entry));
    // The watch's first answer (the journal as it is) arrives before anything is written.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reads = vi.spyOn(db.journal, 'where');
    await runOperation(store, addCoding, { postId: 'p-b1', codeId: 'c-agree', start: 0, end: 1 }, env);
    await runOperation(store, addCoding, { postId: 'p-b2', codeId: 'c-agree', start: 0, end: 1 }, env);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(told.map((e) => e.seq)).toEqual([last + 1, last + 2]);
    // Told as they committed: the journal growing by them alone is no reason to read it.
    expect(reads).not.toHaveBeenCalled();

    const other = new ThreadmarkDB(db.name);
    await runOperation(new DexieProjectStore(other), addCoding, { postId: 'p-b3', codeId: 'c-agree', start: 0, end: 1 }, { ...env, ids: testIds('other') });
    await until(() => told.length === 3, 'the other window’s entry');
    expect(told.map((e) => e.seq)).toEqual([last + 1, last + 2, last + 3]);
    expect(reads).toHaveBeenCalled();
    stop();
    other.close();
    await db.delete();
  });
});
