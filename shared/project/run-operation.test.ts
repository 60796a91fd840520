import { describe, expect, it } from 'vitest';

import { addCoding, editMemo, removeCoding, setExemplar } from './operations/codings';
import { addCode, deleteCode } from './operations/codebook';
import { revertEntry } from './operations/revert';
import { importThreads } from './operations/threads-import';
import { MemoryProjectStore } from './memory-store';
import { ADA, applied, post, runner, smallProject, thread } from './testing/core-fixtures.test-helpers';

describe('runOperation', () => {
  it('applies a change-set and journals it with who, when, the operation and each record before and after', async () => {
    const store = smallProject();
    const run = runner(store);
    const { result: coding, entry } = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 11, end: 16 }));
    expect(coding).toMatchObject({ postId: 'p-2', threadId: 't-1', coderId: ADA.id, quote: '👩‍👩‍👧', start: 11, end: 16 });
    expect(entry).toMatchObject({ seq: 1, actorId: ADA.id, actorName: 'Ada', operation: 'coding.add', reverts: null, addedPosts: [] });
    expect(entry!.summary).toBe('Coded “👩‍👩‍👧” as “Whataboutism”');
    expect(entry!.changes).toEqual([{ table: 'codings', id: coding.id, before: null, after: coding }]);
    expect(await store.read((r) => r.journal())).toEqual([entry]);
  });

  it('writes and journals nothing for a plan that changes nothing', async () => {
    const store = smallProject();
    const run = runner(store);
    const { result: coding } = applied(await run(addCoding, { postId: 'p-3', codeId: 'c-false', start: 0, end: 4, memo: 'm' }));
    const same = applied(await run(editMemo, { codingId: coding.id, memo: 'm' }));
    expect(same.entry).toBeNull();
    expect((await store.read((r) => r.journal())).map((e) => e.operation)).toEqual(['coding.add']);
  });

  it('refuses what breaks a rule and writes nothing: bad ranges, quotes, categories, unknown coders', async () => {
    const store = smallProject();
    const run = runner(store);
    const refusals = [
      await run(addCoding, { postId: 'p-1', codeId: 'c-what', start: 3, end: 3 }),
      await run(addCoding, { postId: 'p-1', codeId: 'c-what', start: 0, end: 99 }),
      await run(addCoding, { postId: 'p-9', codeId: 'c-what', start: 0, end: 1 }),
      await run(addCoding, { postId: 'p-1', codeId: 'c-what', start: 0, end: 1, coderId: 'nobody' }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : `${r.error.field}: ${r.error.message}`))).toEqual([
      'start: cannot code the range 3–3 (need 0 ≤ start < end)',
      'end: range 0–99 does not fit post p-1 (length 19; need 0 ≤ start < end ≤ length)',
      'id: the post does not exist',
      'coderId: coder nobody does not exist',
    ]);
    applied(await run(addCode, { name: 'Category', color: '#000000', codable: false }));
    const category = (await store.read((r) => r.codes())).find((c) => c.name === 'Category')!;
    const onCategory = await run(addCoding, { postId: 'p-1', codeId: category.id, start: 0, end: 3 });
    expect(onCategory.ok ? '' : onCategory.error.message).toBe('“Category” is a category: it only groups codes and cannot be applied.');
    applied(await run(addCode, { name: 'Old', color: '#000000', retired: true }));
    const retired = (await store.read((r) => r.codes())).find((c) => c.name === 'Old')!;
    const onRetired = await run(addCoding, { postId: 'p-1', codeId: retired.id, start: 0, end: 3 });
    expect(onRetired.ok ? '' : onRetired.error.message).toMatch(/^“Old” is retired: it keeps its codings but is no longer applied/);
    expect(await store.read((r) => r.allCodings())).toEqual([]);
  });

  it('keeps nothing of a transaction that throws after applying', async () => {
    const store = smallProject();
    await expect(
      store.transact(async (tx) => {
        await tx.apply({ coders: [{ before: null, after: { id: 'c-x', name: 'X' } }] }, { id: 'e', seq: 1, at: 'x', actorId: 'a', actorName: 'a', operation: 'x', summary: 'x', changes: [], addedPosts: [], reverts: null });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect((await store.read((r) => r.coders())).map((c) => c.id)).toEqual([ADA.id]);
    expect(await store.read((r) => r.journal())).toEqual([]);
  });

  it('stamps every written record with the operation time', async () => {
    const store = smallProject();
    const { result } = applied(await runner(store)(addCode, { name: ' Derailing ', color: '#ABCDEF' }));
    const stored = (await store.read((r) => r.codes())).find((c) => c.id === result.id)!;
    expect(stored).toMatchObject({ name: 'Derailing', color: '#abcdef', updatedAt: '2025-01-02T00:00:01.000Z' });
  });
});

describe('revert (undo, redo, History → Revert)', () => {
  it('undoes and redoes a removal, exemplar included, and a later undo still works after a redo', async () => {
    const store = smallProject();
    const run = runner(store);
    const { result: coding } = applied(await run(addCoding, { postId: 'p-3', codeId: 'c-false', start: 10, end: 27 }));
    applied(await run(setExemplar, { codingId: coding.id, on: true }));
    const removed = applied(await run(removeCoding, { codingId: coding.id }));
    expect((await store.read((r) => r.codes())).find((c) => c.id === 'c-false')!.exemplarCodingIds).toEqual([]);

    const undo = applied(await run(revertEntry, { entryId: removed.entry!.id, verb: 'undo' }));
    expect(undo.summary).toBe('Undid: Removed “False equivalence” from “false equivalence”');
    expect((await store.read((r) => r.allCodings())).map((c) => c.id)).toEqual([coding.id]);
    expect((await store.read((r) => r.codes())).find((c) => c.id === 'c-false')!.exemplarCodingIds).toEqual([coding.id]);

    const redo = applied(await run(revertEntry, { entryId: undo.entry!.id, verb: 'redo' }));
    expect(redo.entry!.reverts).toBe(undo.entry!.id);
    // A redo re-applies the original change and says so in its words, not "Redid: Undid: …".
    expect(redo.summary).toBe('Redid: Removed “False equivalence” from “false equivalence”');
    expect(await store.read((r) => r.allCodings())).toEqual([]);
    applied(await run(revertEntry, { entryId: removed.entry!.id, verb: 'undo' }));
    expect((await store.read((r) => r.allCodings())).map((c) => c.id)).toEqual([coding.id]);
  });

  it('refuses to revert what later work changed or depends on, and says which record', async () => {
    const store = smallProject();
    const run = runner(store);
    const added = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }));
    applied(await run(editMemo, { codingId: added.result.id, memo: 'later' }));
    const changed = await run(revertEntry, { entryId: added.entry!.id, verb: 'revert' });
    expect(changed.ok ? '' : `${changed.error.record}: ${changed.error.message}`).toBe(`coding ${added.result.id}: changed since “Coded “What” as “Whataboutism””, so it cannot be reverted`);

    const code = applied(await run(addCode, { name: 'Derailing', color: '#123456' }));
    applied(await run(addCoding, { postId: 'p-3', codeId: code.result.id, start: 0, end: 4 }));
    const depended = await run(revertEntry, { entryId: code.entry!.id, verb: 'undo' });
    expect(depended.ok ? '' : depended.error.message).toBe('cannot delete it: 1 coding still uses it');
    const missing = await run(revertEntry, { entryId: 'no-such-entry', verb: 'undo' });
    expect(missing.ok).toBe(false);
  });

  it('undoes a thread import: its posts and thread go, the journal keeps them whole, and redo brings them back', async () => {
    const store = new MemoryProjectStore({ coders: [{ id: ADA.id, name: 'Ada' }] });
    const run = runner(store);
    const posts = [post('p-1', 'root', null, 't-9'), post('p-2', 'reply', 'p-1', 't-9')];
    const imported = applied(await run(importThreads, { threads: [thread('t-9', 'p-1')], posts, projectName: 'Imported', source: 'a.json' }));
    expect(imported.entry!.addedPosts).toEqual([{ threadId: 't-9', postIds: ['p-1', 'p-2'] }]);
    expect(imported.entry!.changes.map((c) => c.table)).toEqual(['projects', 'threads']);
    expect(imported.summary).toBe('Imported a.json: 1 thread, 2 posts');

    const undo = applied(await run(revertEntry, { entryId: imported.entry!.id, verb: 'undo' }));
    expect(await store.read((r) => r.allPosts())).toEqual([]);
    expect(await store.read((r) => r.threads())).toEqual([]);
    expect(await store.read((r) => r.project())).toBeUndefined();
    expect(undo.entry!.changes.filter((c) => c.table === 'posts').map((c) => c.before)).toEqual(posts);

    applied(await run(revertEntry, { entryId: undo.entry!.id, verb: 'redo' }));
    expect((await store.read((r) => r.postsOfThread('t-9'))).map((p) => p.id)).toEqual(['p-1', 'p-2']);
  });

  it('refuses to undo an import whose posts were coded since', async () => {
    const store = new MemoryProjectStore({ coders: [{ id: ADA.id, name: 'Ada' }] });
    const run = runner(store);
    const imported = applied(await run(importThreads, { threads: [thread('t-9', 'p-1')], posts: [post('p-1', 'root', null, 't-9')], projectName: 'P', source: 'a.json' }));
    const c = applied(await run(addCode, { name: 'X', color: '#000000' }));
    applied(await run(addCoding, { postId: 'p-1', codeId: c.result.id, start: 0, end: 4 }));
    const refused = await run(revertEntry, { entryId: imported.entry!.id, verb: 'undo' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^cannot remove the post: 1 coding on removed posts remain/);
    expect(await store.read((r) => r.allPosts())).toHaveLength(1);
  });

  it('reverts a code deletion with every coding it took', async () => {
    const store = smallProject();
    const run = runner(store);
    applied(await run(addCoding, { postId: 'p-1', codeId: 'c-what', start: 0, end: 3 }));
    applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }));
    const deleted = applied(await run(deleteCode, { codeId: 'c-what' }));
    expect(deleted.summary).toBe('Deleted “Whataboutism” with its 2 codings');
    expect(await store.read((r) => r.allCodings())).toEqual([]);
    applied(await run(revertEntry, { entryId: deleted.entry!.id, verb: 'undo' }));
    expect((await store.read((r) => r.allCodings())).map((c) => c.codeId)).toEqual(['c-what', 'c-what']);
  });
});
