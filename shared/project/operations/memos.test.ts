import { describe, expect, it } from 'vitest';

import { parseBundleText } from '../../bundle/validate';
import { serializeBundle } from '../../bundle/serialize';
import { bundleFromStore, storeFromBundle } from '../bundle-store';
import { checkChangeSet } from '../check-change-set';
import { ADA, applied, code, runner, smallProject } from '../testing/core-fixtures.test-helpers';
import { deleteCode, mergeCodes } from './codebook';
import { deleteMemo, memoId, writeMemo } from './memos';
import { revertEntry } from './revert';
import { deleteThread } from './threads';

const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };
const BEN = { id: 'coder-ben', name: 'Ben' };

function project() {
  const store = smallProject();
  return { store, run: runner(store) };
}

const memos = (store: ReturnType<typeof smallProject>) => store.read((r) => r.memos());

describe('writeMemo', () => {
  it('writes one memo per target and coder, rewrites it in place, and clears it on empty text', async () => {
    const { store, run } = project();
    const first = applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: 'Calm until\r\nthe third reply.' }));
    expect(first.summary).toBe('Memo on the thread “A thread”: “Calm until\nthe third reply.”');
    expect(first.result).toMatchObject({ id: memoId({ kind: 'thread', id: 't-1' }, ADA.id), coderId: ADA.id, text: 'Calm until\nthe third reply.' });

    const again = applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: 'Derails at p-3.' }));
    expect(again.result!.id).toBe(first.result!.id);
    expect(again.result!.createdAt).toBe(first.result!.createdAt);
    expect(again.result!.updatedAt > first.result!.updatedAt).toBe(true);
    // Another coder's memo on the same thread is a record of its own.
    await store.transact((tx) => tx.apply({ coders: [{ before: null, after: BEN }] }, { id: 'e-ben', seq: 3, at: first.result!.createdAt, actorId: ADA.id, actorName: 'Ada', operation: 'test', summary: 'test', changes: [], addedPosts: [], reverts: null }));
    applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: 'I disagree.' }, BEN));
    expect((await memos(store)).map((m) => [m.coderId, m.text]).sort()).toEqual([
      [ADA.id, 'Derails at p-3.'],
      [BEN.id, 'I disagree.'],
    ]);

    expect(applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: 'Derails at p-3.' })).entry).toBeNull();
    const cleared = applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: '  \n ' }));
    expect(cleared.summary).toBe('Cleared the memo on the thread “A thread”');
    expect((await memos(store)).map((m) => m.coderId)).toEqual([BEN.id]);
  });

  it('writes memos on the project, a post and a code; refuses a target or coder that does not exist', async () => {
    const { store, run } = project();
    applied(await run(writeMemo, { target: { kind: 'project', id: 'project-1' }, text: 'Research question: …' }));
    applied(await run(writeMemo, { target: { kind: 'post', id: 'p-2' }, text: 'Irony?' }));
    applied(await run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'Overlaps with derailing.' }));
    expect((await memos(store)).map((m) => m.target.kind).sort()).toEqual(['code', 'post', 'project']);

    const refused = await Promise.all([
      run(writeMemo, { target: { kind: 'post', id: 'p-9' }, text: 'x' }),
      run(writeMemo, { target: { kind: 'project', id: 'other' }, text: 'x' }),
      run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'x', coderId: 'nobody' }),
    ]);
    expect(refused.map((r) => (r.ok ? 'ok' : `${r.error.record}: ${r.error.message}`))).toEqual([
      'post p-9: the post does not exist: no memo can be written on it',
      'project other: the project does not exist: no memo can be written on it',
      'coder nobody: the coder does not exist',
    ]);
    expect(await memos(store)).toHaveLength(3);
  });

  it('is undone and redone through the journal, and deleted by id', async () => {
    const { store, run } = project();
    const written = applied(await run(writeMemo, { target: { kind: 'post', id: 'p-1' }, text: 'Opening claim.' }));
    const undo = applied(await run(revertEntry, { entryId: written.entry!.id, verb: 'undo' }));
    expect(await memos(store)).toEqual([]);
    applied(await run(revertEntry, { entryId: undo.entry!.id, verb: 'redo' }));
    expect((await memos(store)).map((m) => m.text)).toEqual(['Opening claim.']);
    applied(await run(deleteMemo, { memoId: written.result!.id }));
    expect(await memos(store)).toEqual([]);
    const unknown = await run(deleteMemo, { memoId: 'nope' });
    expect(unknown.ok ? '' : unknown.error.message).toBe('the memo does not exist');
  });
});

describe('memos and what they point at', () => {
  it('go with a deleted thread (its own and its posts’) and come back on undo', async () => {
    const { store, run } = project();
    applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: 'Thread memo' }));
    applied(await run(writeMemo, { target: { kind: 'post', id: 'p-3' }, text: 'Post memo' }));
    applied(await run(writeMemo, { target: { kind: 'project', id: 'project-1' }, text: 'Project memo' }));
    const deleted = applied(await run(deleteThread, { threadId: 't-1' }));
    expect((await memos(store)).map((m) => m.text)).toEqual(['Project memo']);
    applied(await run(revertEntry, { entryId: deleted.entry!.id, verb: 'undo' }));
    expect((await memos(store)).map((m) => m.text).sort()).toEqual(['Post memo', 'Project memo', 'Thread memo']);
  });

  it('go with a deleted code; a merged code’s memo is appended to the target’s', async () => {
    const { store, run } = project();
    applied(await run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'Deflects.' }));
    applied(await run(writeMemo, { target: { kind: 'code', id: 'c-false' }, text: 'Compares unlike things.' }));
    applied(await run(mergeCodes, { sourceCodeIds: ['c-what'], targetCodeId: 'c-false' }));
    expect((await memos(store)).map((m) => [m.target.id, m.text])).toEqual([['c-false', 'Compares unlike things.\n\nFrom “Whataboutism”: Deflects.']]);
    applied(await run(deleteCode, { codeId: 'c-false' }));
    expect(await memos(store)).toEqual([]);
  });

  it('refuse a change that would leave a memo on a removed post (a revert that later work depends on)', async () => {
    const { store, run } = project();
    applied(await run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'x' }));
    const problem = await store.read((r) => checkChangeSet(r, { codes: [{ before: code('c-what', 'Whataboutism', { shortcut: 'w' }), after: null }] }));
    expect(problem?.message).toBe('cannot remove the code c-what: a memo is written on it (a later change depends on it)');
  });
});

describe('memos in the bundle', () => {
  it('round-trip byte for byte, and a project without memos writes no memos array', async () => {
    const { store, run } = project();
    const plain = await bundleFromStore(store, HEAD);
    expect(serializeBundle(plain.ok ? plain.value : (undefined as never))).not.toContain('"memos"');
    applied(await run(writeMemo, { target: { kind: 'post', id: 'p-2' }, text: 'Irony? “quotes” 👩‍👩‍👧' }));
    applied(await run(writeMemo, { target: { kind: 'project', id: 'project-1' }, text: 'RQ' }));
    const exported = await bundleFromStore(store, HEAD);
    if (!exported.ok) throw new Error(exported.error.message);
    const text = serializeBundle(exported.value);
    const parsed = parseBundleText(text);
    if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join('; '));
    expect(parsed.value.memos!.map((m) => m.target.kind)).toEqual(['project', 'post']);
    const again = await bundleFromStore(storeFromBundle(parsed.value), HEAD);
    expect(serializeBundle(again.ok ? again.value : (undefined as never))).toBe(text);
  });

  it('reports a memo on an unknown post, by an unknown coder, or a second memo of a coder on one target', () => {
    const base = JSON.parse(
      JSON.stringify({
        format: 'threadmark',
        formatVersion: 3,
        exportedAt: HEAD.exportedAt,
        app: HEAD.app,
        project: { id: 'project-1', name: 'Test', createdAt: HEAD.exportedAt },
        threads: [],
        posts: [],
        codes: [],
        coders: [{ id: ADA.id, name: 'Ada' }],
        codings: [],
        memos: [
          { id: 'm-1', target: { kind: 'post', id: 'p-9' }, coderId: ADA.id, text: 'a', createdAt: HEAD.exportedAt, updatedAt: HEAD.exportedAt },
          { id: 'm-2', target: { kind: 'project', id: 'project-1' }, coderId: 'ghost', text: 'b', createdAt: HEAD.exportedAt, updatedAt: HEAD.exportedAt },
          { id: 'm-3', target: { kind: 'project', id: 'project-1' }, coderId: 'ghost', text: 'c', createdAt: HEAD.exportedAt, updatedAt: HEAD.exportedAt },
        ],
      }),
    );
    const parsed = parseBundleText(JSON.stringify(base));
    expect(parsed.ok ? [] : parsed.error.map((p) => `${p.record} ${p.field}: ${p.message}`)).toEqual([
      'memos[0] (id "m-1") target.id: unknown post "p-9"',
      'memos[1] (id "m-2") coderId: unknown coder "ghost"',
      'memos[2] (id "m-3") coderId: unknown coder "ghost"',
      'memos[2] (id "m-3") target: a second memo of this coder on the same project (the first is memo "m-2")',
    ]);
  });
});
