import { describe, expect, it } from 'vitest';

import { bundleFromStore } from '../bundle-store';
import { MemoryProjectStore } from '../memory-store';
import { ADA, applied, code, post, runner, T0, thread } from '../testing/core-fixtures.test-helpers';
import { addCoding, setExemplar } from './codings';
import { revertEntry } from './revert';
import { deleteThread, renameThread } from './threads';

const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };
const BEN = { id: 'coder-ben', name: 'Ben' };

/** Two threads (t-1: p-1…p-3, t-2: p-4, p-5), two coders, an assignment and a round over both threads. */
function twoThreads(): MemoryProjectStore {
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Test', createdAt: T0 },
    threads: [thread('t-1', 'p-1'), { ...thread('t-2', 'p-4'), title: 'Another thread' }],
    posts: [
      post('p-1', 'Men are victims too', null),
      post('p-2', 'What about families?'),
      post('p-3', 'That is a false equivalence'),
      post('p-4', 'Second thread root', null, 't-2'),
      post('p-5', 'A reply in the second thread', 'p-4', 't-2'),
    ],
    codes: [code('c-what', 'Whataboutism'), code('c-false', 'False equivalence', { order: 1 })],
    coders: [ADA, BEN],
    assignments: [{ id: 'a-ben', coderId: BEN.id, postIds: ['p-2', 'p-3', 'p-5'], source: 'file' }],
    rounds: [{ id: 'r-1', number: 1, name: 'Pilot', createdAt: T0, codebookVersionId: 'v-1', coderIds: [ADA.id, BEN.id], postIds: ['p-1', 'p-4'], sample: null, instructions: '' }],
    decisions: [
      { id: 'p-2|c-what', postId: 'p-2', codeId: 'c-what', roundId: 'r-1', outcome: 'none', acceptedCoderIds: [], consensusCodingIds: [], memo: '', decidedBy: ADA.id, decidedAt: T0, proposed: false },
    ],
  });
}

async function snapshot(store: MemoryProjectStore) {
  const bundle = await bundleFromStore(store, HEAD);
  if (!bundle.ok) throw new Error(bundle.error.message);
  const { journal: _journal, ...records } = bundle.value;
  return records;
}

describe('renameThread', () => {
  it('changes the title only, journaled with the old and new title', async () => {
    const store = twoThreads();
    const run = runner(store);
    const done = applied(await run(renameThread, { threadId: 't-2', title: '  Backlash,\n day two ' }));
    expect(done.summary).toBe('Renamed the thread “Another thread” to “Backlash, day two”');
    const stored = (await store.read((r) => r.threads())).find((t) => t.id === 't-2')!;
    expect(stored).toMatchObject({ ...thread('t-2', 'p-4'), title: 'Backlash, day two' });
    expect(done.entry!.changes.map((c) => [c.table, c.id])).toEqual([['threads', 't-2']]);
  });

  it('writes nothing for the same title, and refuses an empty title or an unknown thread', async () => {
    const store = twoThreads();
    const run = runner(store);
    expect(applied(await run(renameThread, { threadId: 't-1', title: 'A thread' })).entry).toBeNull();
    const refusals = [await run(renameThread, { threadId: 't-1', title: '   ' }), await run(renameThread, { threadId: 't-9', title: 'X' })];
    expect(refusals.map((r) => (r.ok ? 'ok' : `${r.error.record} ${r.error.field}: ${r.error.message}`))).toEqual([
      'thread t-1 title: a thread needs a title',
      'thread t-9 id: the thread does not exist',
    ]);
    expect(await store.read((r) => r.journal())).toEqual([]);
  });
});

describe('deleteThread', () => {
  async function codedProject() {
    const store = twoThreads();
    const run = runner(store);
    const ada = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 })).result;
    applied(await run(addCoding, { postId: 'p-3', codeId: 'c-false', start: 0, end: 4 }, BEN));
    applied(await run(setExemplar, { codingId: ada.id, on: true }));
    const kept = applied(await run(addCoding, { postId: 'p-5', codeId: 'c-what', start: 0, end: 1 })).result;
    return { store, run, kept };
  }

  it('removes the thread, its posts and every coder’s codings, and what pointed at them; the other thread stays', async () => {
    const { store, run, kept } = await codedProject();
    const done = applied(await run(deleteThread, { threadId: 't-1' }));
    expect(done.summary).toBe('Deleted the thread “A thread” (3 posts, 2 codings)');
    expect(done.result).toMatchObject({ posts: 3, codings: 2 });

    const after = await snapshot(store);
    expect(after.threads.map((t) => t.id)).toEqual(['t-2']);
    expect(after.posts.map((p) => p.id)).toEqual(['p-4', 'p-5']);
    expect(after.codings.map((c) => c.id)).toEqual([kept.id]);
    expect(after.codes.find((c) => c.id === 'c-what')!.exemplarCodingIds).toEqual([]);
    // The assignment and the round keep what is left; the decision on a removed post goes.
    expect(after.assignments).toMatchObject([{ id: 'a-ben', postIds: ['p-5'] }]);
    expect(after.rounds).toMatchObject([{ id: 'r-1', postIds: ['p-4'] }]);
    expect(await store.read((r) => r.decisions())).toEqual([]);
    expect(await store.read((r) => r.threadStats())).toEqual(new Map([['t-2', { postCount: 2, startedAt: T0 }]]));
  });

  it('keeps the removed posts whole in the journal, so undo puts the thread back exactly; redo deletes it again', async () => {
    const { store, run } = await codedProject();
    const before = await snapshot(store);
    const done = applied(await run(deleteThread, { threadId: 't-1' }));
    const removedPosts = done.entry!.changes.filter((c) => c.table === 'posts');
    expect(removedPosts.map((c) => [c.id, c.after])).toEqual([
      ['p-1', null],
      ['p-2', null],
      ['p-3', null],
    ]);
    expect(removedPosts[1]!.before).toEqual(post('p-2', 'What about families?'));
    expect(done.entry!.addedPosts).toEqual([]);

    const undo = applied(await run(revertEntry, { entryId: done.entry!.id, verb: 'undo' }));
    expect(undo.summary).toBe('Undid: Deleted the thread “A thread” (3 posts, 2 codings)');
    const restored = await snapshot(store);
    // Records come back as they were; only `updatedAt` of the records the revert rewrote moves on.
    const withoutStamps = <T extends object>(records: T[]) => records.map((r) => ({ ...r, updatedAt: undefined }));
    expect(restored.posts).toEqual(before.posts);
    expect(restored.codings).toEqual(before.codings);
    for (const table of ['threads', 'codes', 'assignments', 'rounds'] as const) {
      expect(withoutStamps(restored[table] as object[]), table).toEqual(withoutStamps(before[table] as object[]));
    }
    expect(withoutStamps(await store.read((r) => r.decisions()))).toMatchObject([{ id: 'p-2|c-what', postId: 'p-2' }]);

    applied(await run(revertEntry, { entryId: undo.entry!.id, verb: 'redo' }));
    expect((await store.read((r) => r.threads())).map((t) => t.id)).toEqual(['t-2']);
    expect(await store.read((r) => r.postsOfThread('t-1'))).toEqual([]);
  });

  it('refuses an unknown thread and writes nothing', async () => {
    const store = twoThreads();
    const refused = await runner(store)(deleteThread, { threadId: 't-9' });
    expect(refused.ok ? '' : refused.error.message).toBe('the thread does not exist');
    expect(await store.read((r) => r.journal())).toEqual([]);
  });

  it('refuses the undo when a record it changed has changed since', async () => {
    const store = twoThreads();
    const run = runner(store);
    const deleted = applied(await run(deleteThread, { threadId: 't-2' }));
    // The assignment changed again since: the undo would overwrite that, so it is refused.
    const [assignment] = await store.read((r) => r.assignments());
    await store.transact(async (tx) => {
      const after = { ...assignment!, postIds: [] };
      await tx.apply({ assignments: [{ before: assignment!, after }] }, { id: 'e-x', seq: 2, at: T0, actorId: ADA.id, actorName: 'Ada', operation: 'test', summary: 'test', changes: [], addedPosts: [], reverts: null });
    });
    const refused = await run(revertEntry, { entryId: deleted.entry!.id, verb: 'undo' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^changed since “Deleted the thread “Another thread”/);
  });
});
