import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import type { Coding, Post } from '@shared/model/records';
import { tombstoneOf } from '@shared/platform/tombstone';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { applySyncBatch, type PulledDoc, type SyncApplyInput } from '@shared/project/operations/sync-apply';
import type { ProjectStore } from '@shared/project/project-store';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { code, post, T0, thread } from '@shared/project/testing/core-fixtures.test-helpers';
import { postPageDocs, recordDoc } from '@shared/sync/doc-mapping';
import type { SyncDatabase } from '@shared/sync/names';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

const corpus: SyncDatabase = { kind: 'corpus' };
const codebook: SyncDatabase = { kind: 'codebook' };
const layer: SyncDatabase = { kind: 'layer', user: 'ada' };
const ADA = { id: 'coder-ada', name: 'Ada' };
const HEAD = { exportedAt: T0, app: { name: 'Threadmark', version: 'test' } };

const posts: Post[] = Array.from({ length: 1203 }, (_, i) => post(`p-${String(i).padStart(4, '0')}`, `post ${i} 👩‍👩‍👧 café\u0301`, i === 0 ? null : 'p-0000'));
const coding: Coding = { id: 'k-1', postId: 'p-1201', threadId: 't-1', codeId: 'c-child', coderId: ADA.id, start: 0, end: 4, quote: 'post', memo: 'from the server', createdAt: T0, updatedAt: '2020-01-01T00:00:00.000Z' };
const at = (db: SyncDatabase, doc: PulledDoc['doc']): PulledDoc => ({ db, doc });

/** Three batches as a live feed might deliver them: out of order, then the rest, then a deletion and a tombstone. */
async function script(store: ProjectStore): Promise<string> {
  const env = { clock: testClock(), ids: testIds(), actor: ADA };
  const pages = postPageDocs('t-1', posts, 'dev-x', 0);
  const apply = async (input: SyncApplyInput) => {
    const done = await applySyncBatch(store, input, env);
    if (!done.ok) throw new Error(done.error.message);
    return done.value.result;
  };
  const first = await apply({
    docs: [
      at(layer, recordDoc('codings', coding, layer)),
      at(corpus, pages[1]!),
      at(codebook, recordDoc('codes', code('c-child', 'Child', { parentId: 'c-parent' }), codebook)),
      at(corpus, recordDoc('projects', { id: 'project-1', name: 'Team', createdAt: T0 }, corpus)),
      at(corpus, recordDoc('threads', thread(), corpus)),
      at(corpus, pages[0]!),
      at(codebook, recordDoc('coders', ADA, codebook)),
    ],
    deleted: [],
  });
  const second = await apply({ docs: [...first.deferred, at(corpus, pages[1]!), at(codebook, recordDoc('codes', code('c-parent', 'Parent'), codebook))], deleted: [] });
  expect(second.deferred).toEqual([]);
  const tombstoned = { ...pages[1]!, posts: pages[1]!.posts.map((p) => (p.id === 'p-1202' ? tombstoneOf(p, T0) : p)) };
  await apply({ docs: [at(corpus, tombstoned)], deleted: [{ db: layer, docId: 'codings:k-1' }] });
  const bundle = await store.read((r) => projectBundle(r, HEAD));
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}

describe('sync.apply: one core, two adapters', () => {
  it('the same pulled batches through Dexie and through the bundle adapter export byte-identical bundles', async () => {
    const db = freshDb();
    const viaDexie = await script(new DexieProjectStore(db));
    const viaBundle = await script(new MemoryProjectStore());
    expect(viaDexie).toBe(viaBundle);
    const bundle = JSON.parse(viaBundle) as { posts: Post[]; codings: Coding[]; codes: Array<{ id: string }>; journal: Array<{ operation: string; summary: string }> };
    expect(bundle.posts.map((p) => p.id)).toEqual(posts.map((p) => p.id));
    expect(bundle.posts.find((p) => p.id === 'p-1202')!.text).toBe('');
    expect(bundle.codings).toEqual([]);
    expect(bundle.journal.map((e) => e.operation)).toEqual(['sync.apply', 'sync.apply', 'sync.apply']);
    // Batch 1 held the coding and the child code back (they wait for the parent code): 1 project, 1 thread, 1,203 posts, 1 coder.
    expect(bundle.journal[0]!.summary).toBe('Received 1,206 changes from the team server');
    expect(bundle.journal[1]!.summary).toBe('Received 3 changes from the team server');
    await db.delete();
  });
});
