import { describe, expect, it } from 'vitest';

import { validateBundle } from '../../bundle/validate';
import { serializeBundle } from '../../bundle/serialize';
import { DELETED_ON_PLATFORM_LABEL } from '../../platform/tombstone';
import { bundleFromStore } from '../bundle-store';
import { agreementSource } from '../queries/agreement-input';
import { MemoryProjectStore } from '../memory-store';
import { ADA, applied, code, post, runner, T0, thread } from '../testing/core-fixtures.test-helpers';
import { addCoding, setExemplar } from './codings';
import { applyPlatformDeletions, previewPlatformDeletions } from './platform-deletions';
import { revertEntry } from './revert';

const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };
const BEN = { id: 'coder-ben', name: 'Ben' };

/** Thread t-1: p-1 ← p-2 ← p-3 (p-3 answers p-2), p-4 by "troll"; thread t-2: p-5 by "troll". */
function project(): MemoryProjectStore {
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Test', createdAt: T0 },
    threads: [thread('t-1', 'p-1'), { ...thread('t-2', 'p-5'), title: 'Second' }],
    posts: [
      post('p-1', 'Men are victims too', null),
      post('p-2', 'What about families? #family'),
      post('p-3', 'That is a false equivalence', 'p-2'),
      { ...post('p-4', 'Whatever you say'), author: 'troll' },
      { ...post('p-5', 'Root of the second thread', null, 't-2'), author: 'troll', meta: { authorId: 'u-77' } },
    ],
    codes: [code('c-what', 'Whataboutism'), code('c-false', 'False equivalence', { order: 1 })],
    coders: [ADA, BEN],
  });
}

async function coded(store: MemoryProjectStore) {
  const run = runner(store);
  const a = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 10 })).result;
  applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 19 }, BEN));
  applied(await run(addCoding, { postId: 'p-3', codeId: 'c-false', start: 10, end: 27 }));
  applied(await run(addCoding, { postId: 'p-5', codeId: 'c-what', start: 0, end: 4 }));
  applied(await run(setExemplar, { codingId: a.id, on: true }));
  return run;
}

describe('applyPlatformDeletions', () => {
  it('tombstones listed posts in place, removes their codings (every coder) and exemplar marks, logs the counts', async () => {
    const store = project();
    const run = await coded(store);
    // r2 is p-2's platform id; p-3 by Threadmark id; r99 matches nothing.
    const preview = await store.read((r) => previewPlatformDeletions(r, { kind: 'posts', ids: ['r2', 'p-3', 'r99'] }));
    expect(preview).toMatchObject({ listed: 3, unmatched: ['r99'], posts: 2, codings: 3 });
    const done = applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['r2', 'p-3', 'r99'] }));
    expect(done.result.posts).toBe(2);

    const posts = await store.read((r) => r.postsOfThread('t-1'));
    // Same order, same tree: p-3 still answers p-2.
    expect(posts.map((p) => [p.id, p.parentId, p.text, p.author])).toEqual([
      ['p-1', null, 'Men are victims too', 'author of p-1'],
      ['p-2', 'p-1', '', ''],
      ['p-3', 'p-2', '', ''],
      ['p-4', 'p-1', 'Whatever you say', 'troll'],
    ]);
    expect(posts[1]!.deletedOnPlatform).toBeDefined();
    const codings = await store.read((r) => r.allCodings());
    // Naive count: codings on posts other than p-2 and p-3.
    expect(codings.map((c) => c.postId)).toEqual(['p-5']);
    expect((await store.read((r) => r.codes())).every((c) => c.exemplarCodingIds.length === 0)).toBe(true);
    const log = (await store.read((r) => r.project()))!.deletionLog!;
    expect(log).toEqual([{ id: expect.any(String), appliedAt: done.entry!.at, appliedBy: 'Ada', listKind: 'posts', listed: 3, unmatched: 1, posts: 2, codings: 3, perThread: [{ threadId: 't-1', posts: 2, codings: 3 }] }]);
    expect(DELETED_ON_PLATFORM_LABEL).toBe('[deleted on platform]');
  });

  it('matches user ids by author name or an author id in the post meta, across threads', async () => {
    const store = project();
    const run = await coded(store);
    const done = applied(await run(applyPlatformDeletions, { kind: 'users', ids: ['troll', 'u-77', 'nobody'] }));
    expect(done.result).toMatchObject({ posts: 2, codings: 1, unmatched: ['nobody'] });
    const all = await store.read((r) => r.allPosts());
    expect(all.filter((p) => p.deletedOnPlatform).map((p) => p.id).sort()).toEqual(['p-4', 'p-5']);
    expect(done.result.perThread.map((t) => [t.threadId, t.posts, t.codings])).toEqual([
      ['t-1', 1, 0],
      ['t-2', 1, 1],
    ]);
  });

  it('is one undoable entry, and the bundle it leaves validates and holds none of the deleted words', async () => {
    const store = project();
    const run = await coded(store);
    const before = await bundleFromStore(store, HEAD);
    const done = applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['r2'] }));
    const after = await bundleFromStore(store, HEAD);
    if (!after.ok) throw new Error(after.error.message);
    const text = serializeBundle(after.value);
    expect(validateBundle(JSON.parse(text)).ok).toBe(true);
    expect(text).not.toContain('What about families');
    expect(text).not.toContain('author of p-2');

    applied(await run(revertEntry, { entryId: done.entry!.id, verb: 'undo' }));
    const undone = await bundleFromStore(store, HEAD);
    if (!before.ok || !undone.ok) throw new Error('export');
    // Posts and codings come back exactly; the exemplar mark too.
    expect(undone.value.posts).toEqual(before.value.posts);
    expect(undone.value.codings).toEqual(before.value.codings);
    expect(undone.value.codes.map((c) => c.exemplarCodingIds)).toEqual(before.value.codes.map((c) => c.exemplarCodingIds));
    expect(undone.value.project.deletionLog).toBeUndefined();
  });

  it('leaves tombstones out of agreement: a deleted post is not a unit every coder "agreed" to leave uncoded', async () => {
    const store = project();
    const run = await coded(store);
    const before = await store.read(agreementSource);
    applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['r2', 'r3'] }));
    const after = await store.read(agreementSource);
    expect(after.posts.map((p) => p.id)).toEqual(before.posts.map((p) => p.id).filter((id) => id !== 'p-2' && id !== 'p-3'));
  });

  it('writes nothing for a list that matches no post, and refuses an empty list', async () => {
    const store = project();
    const run = runner(store);
    expect(applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['zzz'] })).entry).toBeNull();
    const refused = await run(applyPlatformDeletions, { kind: 'posts', ids: [] });
    expect(refused.ok ? '' : refused.error.message).toBe('the list names no ids (one id per line)');
  });

  it('skips posts already deleted here: applying the same list twice changes nothing the second time', async () => {
    const store = project();
    const run = runner(store);
    applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['r4'] }));
    const again = applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['r4'] }));
    expect(again.entry).toBeNull();
    expect(again.result.unmatched).toEqual([]);
  });
});
