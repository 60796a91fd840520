import { describe, expect, it } from 'vitest';

import { MemoryProjectStore } from '../memory-store';
import { integrityReport } from '../queries/integrity';
import { damagedProject } from '../testing/integrity-fixtures.test-helpers';
import { code, post, runner, T0, thread } from '../testing/core-fixtures.test-helpers';
import { revertEntry } from './revert';
import { repairIntegrity } from './integrity-repair';

describe('integrity.repair', () => {
  it('leaves a project the check finds nothing in, keeping every healthy record, in one journal entry', async () => {
    const store = damagedProject();
    const result = await runner(store)(repairIntegrity, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.result).toEqual({ removedCodings: 5, correctedCodings: 2, movedCodes: 2, droppedExemplars: 1 });
    expect((await store.read((r) => integrityReport(r))).findings).toEqual([]);
    const codings = await store.read((r) => r.allCodings());
    expect(codings.map((c) => c.id).sort()).toEqual(['k-good', 'k-quote', 'k-thread']);
    expect(codings.find((c) => c.id === 'k-quote')!.quote).toBe('families');
    expect(codings.find((c) => c.id === 'k-thread')!.threadId).toBe('t-1');
    const codes = await store.read((r) => r.codes());
    // "Orphan" is taken at the top level, so the moved one is renamed; only one loop member moves.
    expect(codes.find((c) => c.id === 'c-orphan')).toMatchObject({ name: 'Orphan (repaired)', parentId: null });
    expect(codes.find((c) => c.id === 'c-loop-a')!.parentId).toBeNull();
    expect(codes.find((c) => c.id === 'c-loop-b')!.parentId).toBe('c-loop-a');
    expect(codes.find((c) => c.id === 'c-ok')!.exemplarCodingIds).toEqual(['k-good']);
    const journal = await store.read((r) => r.journal());
    expect(journal.map((e) => [e.operation, e.summary])).toEqual([
      ['integrity.repair', 'Repaired the project: removed 5 broken codings, corrected 2 codings, moved 2 codes to the top level, dropped 1 missing exemplar'],
    ]);
  });

  it('keeps what it removed in the journal, and refuses an undo that would bring the damage back', async () => {
    const store = damagedProject();
    const run = runner(store);
    const repaired = await run(repairIntegrity, {});
    if (!repaired.ok) throw new Error(repaired.error.message);
    const removed = repaired.value.entry!.changes.filter((c) => c.table === 'codings' && c.after === null).map((c) => c.id);
    expect(removed.sort()).toEqual(['k-backwards', 'k-no-code', 'k-no-coder', 'k-no-post', 'k-past-end']);
    const undone = await run(revertEntry, { entryId: repaired.value.entry!.id, verb: 'undo' });
    expect(undone.ok ? 'undone' : undone.error.message).toBe('its parent code c-nowhere does not exist');
    expect((await store.read((r) => r.allCodings())).length).toBe(3);
  });

  it('writes nothing when there is nothing to repair', async () => {
    const store = new MemoryProjectStore({ threads: [thread()], posts: [post('p-1', 'Hello', null)], codes: [code('c', 'C')], coders: [{ id: 'coder-ada', name: 'Ada' }] });
    const result = await runner(store)(repairIntegrity, {});
    expect(result.ok && result.value.summary).toBe('Nothing to repair');
    expect(await store.read((r) => r.journal())).toEqual([]);
  });

  it('refuses to remove most of the codings unless asked to: that is a damaged read', async () => {
    const codings = Array.from({ length: 12 }, (_, i) => ({ id: `k-${i}`, postId: 'p-gone', threadId: 't-1', codeId: 'c', coderId: 'coder-ada', start: 0, end: 1, quote: 'H', memo: '', createdAt: T0, updatedAt: T0 }));
    const store = new MemoryProjectStore({ threads: [thread()], posts: [post('p-1', 'Hello', null)], codes: [code('c', 'C')], coders: [{ id: 'coder-ada', name: 'Ada' }], codings });
    const refused = await runner(store)(repairIntegrity, {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('would remove 12 of 12 codings');
    expect((await store.read((r) => r.allCodings())).length).toBe(12);
    const forced = await runner(store)(repairIntegrity, { allowLargeRemoval: true });
    expect(forced.ok).toBe(true);
    expect((await store.read((r) => r.allCodings())).length).toBe(0);
  });
});
