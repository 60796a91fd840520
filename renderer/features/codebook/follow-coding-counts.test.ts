import 'fake-indexeddb/auto';

import { describe, expect, it, vi } from 'vitest';

import type { Coding } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';
import { mergeCodes } from '@shared/project/operations/codebook';
import { addCoding, removeCoding } from '@shared/project/operations/codings';
import { revertEntry } from '@shared/project/operations/revert';
import { deleteThread } from '@shared/project/operations/threads';
import { runOperation } from '@shared/project/run-operation';

import { ThreadmarkDB } from '../../db/database';
import { DexieProjectStore } from '../../db/dexie-project-store';
import { ANA, openSampleProject, until } from '../../db/testing/sample-project';
import { testClock, testIds } from '../../db/testing/test-support';
import { followCodingCounts, patchCodingCounts, type CodingCounts } from './follow-coding-counts';

/** The independent answer: every coding counted here, per code and coder. */
async function naive(db: ThreadmarkDB): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of await db.codings.toArray()) (out[c.codeId] ??= {})[c.coderId] = (out[c.codeId]?.[c.coderId] ?? 0) + 1;
  return out;
}

/** Order-free: codes and coders sorted, so the patched map and the naive count compare as text. */
const sorted = (counts: Record<string, Record<string, number>> | null): string =>
  JSON.stringify(counts === null ? null : Object.keys(counts).sort().map((code) => [code, Object.entries(counts[code]!).sort()]));

const plain = (counts: CodingCounts | null) => (counts === null ? null : Object.fromEntries([...counts].map(([code, byCoder]) => [code, Object.fromEntries(byCoder)])));

describe('the codebook’s coding counts followed from the journal', () => {
  it('equal a naive count after adds, a removal, a merge, a thread deletion and its undo, with no read after the first', async () => {
    const { db, store, run } = await openSampleProject();
    const reads = vi.spyOn(store, 'read');
    let followed: CodingCounts | null = null;
    const stop = followCodingCounts(store, (counts) => (followed = counts), (error) => {
      throw error;
    });
    await until(() => followed !== null, 'the first read');
    const same = async () => expect(plain(followed)).toEqual(await naive(db));
    await same();

    await run(addCoding, { postId: 'p-b1', codeId: 'c-whatabout', start: 0, end: 1 });
    await run(addCoding, { postId: 'p-a1', codeId: 'c-agree', start: 0, end: 2 });
    await same();
    await run(removeCoding, { codingId: 'k-2' });
    await same();
    await run(mergeCodes, { sourceCodeIds: ['c-agree'], targetCodeId: 'c-whatabout' });
    await same();
    const deleted = await run(deleteThread, { threadId: 't-b' });
    await same();
    await run(revertEntry, { entryId: deleted.entry!.id, verb: 'undo' });
    await same();
    // Patched from each entry: the counts were read once, never again after a coding.
    expect(reads).toHaveBeenCalledTimes(1);
    stop();
    await db.delete();
  });

  it('takes another connection’s writes, and reads again after an entry it missed', async () => {
    const { db, store } = await openSampleProject();
    const reads = vi.spyOn(store, 'read');
    let followed: CodingCounts | null = null;
    const stop = followCodingCounts(store, (counts) => (followed = counts), (error) => {
      throw error;
    });
    await until(() => followed !== null, 'the first read');
    const other = new ThreadmarkDB(db.name);
    const elsewhere = new DexieProjectStore(other);
    const env = { clock: testClock(), ids: testIds('other'), actor: ANA };
    await runOperation(elsewhere, addCoding, { postId: 'p-b3', codeId: 'c-agree', start: 1, end: 3 }, env);
    const matches = async () => sorted(plain(followed)) === sorted(await naive(db));
    await until(matches, 'the other window’s coding');
    // Two more there, then one here: this window's entry is told one seq ahead of what was seen.
    await runOperation(elsewhere, addCoding, { postId: 'p-b1', codeId: 'c-agree', start: 0, end: 1 }, env);
    await runOperation(store, addCoding, { postId: 'p-b2', codeId: 'c-agree', start: 0, end: 1 }, { ...env, ids: testIds('here') });
    await until(matches, 'a read after the gap');
    expect(reads.mock.calls.length).toBeGreaterThan(1);
    stop();
    other.close();
    await db.delete();
  });
});

describe('patchCodingCounts', () => {
  const coding = (id: string, codeId: string, coderId: string) => ({ id, codeId, coderId }) as Coding;
  const entry = (changes: JournalEntry['changes']): JournalEntry => ({ id: 'e', seq: 2, at: '', actorId: 'a', actorName: 'A', operation: 'x', summary: '', changes, addedPosts: [], reverts: null });
  const counts: CodingCounts = new Map([['c1', new Map([['ana', 2]])]]);

  it('keeps the same map for an entry that changed no coding', () => {
    expect(patchCodingCounts(counts, entry([{ table: 'codes', id: 'c2', before: null, after: null }]))).toBe(counts);
  });

  it('adds, moves and removes counts, dropping pairs and codes that reach zero', () => {
    const moved = patchCodingCounts(counts, entry([{ table: 'codings', id: 'k', before: coding('k', 'c1', 'ana'), after: coding('k', 'c2', 'ben') }]));
    expect(plain(moved)).toEqual({ c1: { ana: 1 }, c2: { ben: 1 } });
    const gone = patchCodingCounts(moved!, entry([{ table: 'codings', id: 'k', before: coding('k', 'c2', 'ben'), after: null }]));
    expect(plain(gone)).toEqual({ c1: { ana: 1 } });
    // Untouched codes keep their maps.
    expect(gone!.get('c1')).toBe(moved!.get('c1'));
  });

  it('asks for a read where a count would go below zero (the table clamps; its word counts)', () => {
    expect(patchCodingCounts(counts, entry([{ table: 'codings', id: 'k', before: coding('k', 'c9', 'ana'), after: null }]))).toBeNull();
  });
});
