import { describe, expect, it } from 'vitest';

import type { Coding, Post } from '../../model/records';
import { tombstoneOf } from '../../platform/tombstone';
import { postPageDocs, recordDoc, type SyncDoc } from '../../sync/doc-mapping';
import type { SyncDatabase } from '../../sync/names';
import { MemoryProjectStore } from '../memory-store';
import { runOperation } from '../run-operation';
import { ADA, code, counterIds, post, smallProject, steppingClock, T0, thread } from '../testing/core-fixtures.test-helpers';
import { applySyncBatch, applySyncDocs, type PulledDoc, type SyncApplyInput } from './sync-apply';

const corpus: SyncDatabase = { kind: 'corpus' };
const codebook: SyncDatabase = { kind: 'codebook' };
const adaLayer: SyncDatabase = { kind: 'layer', user: 'ada' };
const env = () => ({ clock: steppingClock(), ids: counterIds('sync'), actor: ADA });
const run = (store: MemoryProjectStore, input: Partial<SyncApplyInput>) => runOperation(store, applySyncDocs, { docs: input.docs ?? [], deleted: input.deleted ?? [] }, env());
const at = (db: SyncDatabase, doc: SyncDoc): PulledDoc => ({ db, doc });

const coding = (id: string, postId: string, start: number, end: number, quote: string, extra: Partial<Coding> = {}): Coding => ({
  id,
  postId,
  threadId: 't-1',
  codeId: 'c-what',
  coderId: ADA.id,
  start,
  end,
  quote,
  memo: '',
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

describe('sync.apply', () => {
  it('applies what arrived in one journal entry, keeping the records exactly as the server has them', async () => {
    const store = smallProject();
    const k = coding('k-1', 'p-3', 0, 4, 'That', { memo: 'from the server', updatedAt: '2020-01-01T00:00:00.000Z' });
    const done = await run(store, { docs: [at(adaLayer, recordDoc('codings', k, adaLayer)), at(codebook, recordDoc('codes', code('c-new', 'Irony'), codebook))] });
    expect(done.ok && done.value.entry).toMatchObject({ operation: 'sync.apply', summary: 'Received 2 changes from the team server' });
    expect(done.ok && done.value.result).toMatchObject({ added: 2, changed: 0, removed: 0, deferred: [] });
    const stored = await store.read((r) => r.codingsByIds(['k-1']));
    expect(stored.get('k-1')).toEqual(k);
  });

  it('changes nothing and journals nothing for the echo of what is stored', async () => {
    const store = smallProject();
    const data = store.data();
    const docs = [
      ...data.codes.map((c) => at(codebook, recordDoc('codes', c, codebook))),
      ...data.coders.map((c) => at(codebook, recordDoc('coders', c, codebook))),
      at(corpus, recordDoc('threads', data.threads[0]!, corpus)),
      ...postPageDocs('t-1', data.posts, undefined, 0).map((p) => at(corpus, p)),
    ];
    const done = await run(store, { docs });
    expect(done.ok && done.value.entry).toBeNull();
    expect(store.data()).toEqual(data);
  });

  it('defers a coding that arrives before its post, then applies it with the post', async () => {
    const store = smallProject();
    const p4 = post('p-4', 'Late reply');
    const k = coding('k-9', 'p-4', 0, 4, 'Late');
    const first = await run(store, { docs: [at(adaLayer, recordDoc('codings', k, adaLayer))] });
    expect(first.ok && first.value.entry).toBeNull();
    const deferred = first.ok ? first.value.result.deferred : [];
    expect(deferred.map((d) => [d.doc._id, d.waitsFor])).toEqual([['codings:k-9', 'post p-4']]);

    const second = await run(store, { docs: [...deferred, ...postPageDocs('t-1', [p4], undefined, 3).map((p) => at(corpus, p))] });
    expect(second.ok && second.value.result).toMatchObject({ added: 2, posts: 1, deferred: [] });
    expect((await store.read((r) => r.postsOfThread('t-1'))).map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect((await store.read((r) => r.allCodings())).map((c) => c.id)).toEqual(['k-9']);
  });

  it('defers a code before its parent, and what is coded with it', async () => {
    const store = smallProject();
    const child = code('c-child', 'Child', { parentId: 'c-parent' });
    const k = coding('k-1', 'p-1', 0, 3, 'Men', { codeId: 'c-child' });
    const done = await run(store, { docs: [at(codebook, recordDoc('codes', child, codebook)), at(adaLayer, recordDoc('codings', k, adaLayer))] });
    const deferred = done.ok ? done.value.result.deferred : [];
    expect(deferred.map((d) => [d.doc._id, d.waitsFor]).sort()).toEqual([
      ['codes:c-child', 'parent code c-parent'],
      ['codings:k-1', 'code c-child'],
    ]);
    const parent = code('c-parent', 'Parent');
    const again = await run(store, { docs: [...deferred, at(codebook, recordDoc('codes', parent, codebook))] });
    expect(again.ok && again.value.result).toMatchObject({ added: 3, deferred: [] });
  });

  it('keeps reading order when a thread’s later page arrives first', async () => {
    const store = new MemoryProjectStore({ project: { id: 'project-1', name: 'Test', createdAt: T0 }, threads: [thread()] });
    const posts: Post[] = Array.from({ length: 1500 }, (_, i) => post(`p-${String(i).padStart(4, '0')}`, `post ${i}`, i === 0 ? null : 'p-0000'));
    const [page1, page2] = postPageDocs('t-1', posts, undefined, 0);
    const first = await run(store, { docs: [at(corpus, page2!)] });
    expect(first.ok && first.value.result.deferred.map((d) => d.waitsFor)).toEqual(['the first 1,000 posts of thread t-1']);
    const second = await run(store, { docs: [at(corpus, page2!), at(corpus, page1!)] });
    expect(second.ok && second.value.result.posts).toBe(1500);
    expect((await store.read((r) => r.postsOfThread('t-1'))).map((p) => p.id)).toEqual(posts.map((p) => p.id));
  });

  it('removes what was deleted on the server; a removed thread takes its posts, codings and memos', async () => {
    const store = smallProject();
    const k1 = coding('k-1', 'p-1', 0, 3, 'Men');
    const k2 = coding('k-2', 'p-2', 0, 4, 'What');
    await run(store, { docs: [at(adaLayer, recordDoc('codings', k1, adaLayer)), at(adaLayer, recordDoc('codings', k2, adaLayer))] });

    const one = await run(store, { deleted: [{ db: adaLayer, docId: 'codings:k-1' }] });
    expect(one.ok && one.value.result).toMatchObject({ removed: 1 });
    expect((await store.read((r) => r.allCodings())).map((c) => c.id)).toEqual(['k-2']);

    const gone = await run(store, { deleted: [{ db: corpus, docId: 'threads:t-1' }, { db: adaLayer, docId: 'codings:k-2' }] });
    expect(gone.ok && gone.value.result).toMatchObject({ removed: 1 + 3 + 1 });
    const left = store.data();
    expect([left.threads.length, left.posts.length, left.codings.length]).toEqual([0, 0, 0]);
    // Deleting again is an echo: nothing to do.
    const again = await run(store, { deleted: [{ db: corpus, docId: 'threads:t-1' }] });
    expect(again.ok && again.value.entry).toBeNull();
  });

  it('takes a tombstone in place of a post deleted on its platform', async () => {
    const store = smallProject();
    const posts = store.data().posts;
    const edited = posts.map((p) => (p.id === 'p-2' ? tombstoneOf(p, '2025-02-01T00:00:00.000Z') : p));
    const done = await run(store, { docs: postPageDocs('t-1', edited, undefined, 0).map((p) => at(corpus, p)) });
    expect(done.ok && done.value.result).toMatchObject({ added: 0, changed: 1, posts: 0 });
    const after = await store.read((r) => r.postsOfThread('t-1'));
    expect(after.map((p) => [p.id, p.text])).toEqual([
      ['p-1', 'Men are victims too'],
      ['p-2', ''],
      ['p-3', 'That is a false equivalence'],
    ]);
  });

  it('ignores a record in a database it does not belong in', async () => {
    const store = smallProject();
    const bobs = { kind: 'layer', user: 'bob' } as const;
    const done = await run(store, { docs: [at(bobs, recordDoc('codings', coding('k-1', 'p-1', 0, 3, 'Men'), adaLayer)), at(adaLayer, recordDoc('codes', code('c-x', 'X'), codebook))] });
    expect(done.ok && done.value.entry).toBeNull();
    expect(done.ok && done.value.result.ignored.map((i) => i.docId)).toEqual(['codings:k-1', 'codes:c-x']);
  });

  it('builds a whole project from nothing, in one batch, whatever the order of documents', async () => {
    const source = smallProject();
    const k = coding('k-1', 'p-2', 0, 4, 'What');
    const data = source.data();
    const docs = [
      at(adaLayer, recordDoc('codings', k, adaLayer)),
      ...postPageDocs('t-1', data.posts, undefined, 0).map((p) => at(corpus, p)),
      ...data.codes.map((c) => at(codebook, recordDoc('codes', c, codebook))),
      ...data.coders.map((c) => at(codebook, recordDoc('coders', c, codebook))),
      at(corpus, recordDoc('threads', data.threads[0]!, corpus)),
      at(corpus, recordDoc('projects', data.project!, corpus)),
    ];
    const fresh = new MemoryProjectStore();
    const done = await run(fresh, { docs });
    const naive = 1 + data.threads.length + data.posts.length + data.codes.length + data.coders.length + 1;
    expect(done.ok && done.value.result).toMatchObject({ added: naive, posts: data.posts.length, deferred: [] });
    const built = fresh.data();
    expect(built.posts).toEqual(data.posts);
    expect(built.codings).toEqual([k]);
  });

  it('holds back a record the project’s rules refuse and applies the rest', async () => {
    const store = smallProject();
    const twin = code('c-twin', 'whataboutism');
    const other = code('c-other', 'Other');
    const done = await applySyncBatch(store, { docs: [at(codebook, recordDoc('codes', twin, codebook)), at(codebook, recordDoc('codes', other, codebook))], deleted: [] }, env());
    expect(done.ok && done.value.result.added).toBe(1);
    expect(done.ok && done.value.result.deferred.map((d) => [d.doc._id, d.waitsFor])).toEqual([['codes:c-twin', expect.stringMatching(/already exists/)]]);
    expect((await store.read((r) => r.codes())).map((c) => c.id)).toContain('c-other');
  });
});
