import { describe, expect, it } from 'vitest';

import type { Post, Thread } from '@shared/model/records';
import { addCode } from '@shared/project/operations/codebook';
import { addCoder } from '@shared/project/operations/coders';
import { addCoding, editMemo } from '@shared/project/operations/codings';
import { importThreads } from '@shared/project/operations/threads-import';
import { MemoryProjectStore } from '@shared/project/memory-store';
import type { Operation } from '@shared/project/operation';
import type { ProjectStore } from '@shared/project/project-store';
import { runOperation } from '@shared/project/run-operation';
import type { Clock, IdSource } from '@shared/util/clock';

import { historyPage, NO_FILTER, revertsByTarget } from './history-filter';
import { revertFromHistory } from './revert-from-history';
import { withEntries } from './use-journal';

const ADA = { id: 'coder-ada', name: 'Ada' };
const BEN = { id: 'coder-ben', name: 'Ben' };

const thread: Thread = { id: 't-1', title: 'Men are victims too?', platform: 'reddit', rootPostId: 'p-1', importedAt: '2025-01-01T00:00:00.000Z', source: 'thread.json' };
const post = (id: string, parentId: string | null, text: string): Post => ({
  id,
  threadId: 't-1',
  parentId,
  author: `author-${id}`,
  createdAt: '2024-12-31T12:00:00.000Z',
  text,
  platform: 'reddit',
  platformId: `native-${id}`,
  url: null,
  meta: {},
});

/** Starts at 2025-01-01T00:00:00Z and moves one second per call. */
function testClock(): Clock {
  let t = Date.UTC(2025, 0, 1);
  return { now: () => new Date((t += 1000)).toISOString() };
}

function testIds(): IdSource {
  let n = 0;
  return { newId: () => `id-${++n}` };
}

const journal = (store: ProjectStore) => store.read((r) => r.journal());
const codingNow = async (store: ProjectStore, id: string) => (await store.read((r) => r.codingsByIds([id]))).get(id);

/** A project with a thread, a code, Ada's coding and Ben's coding, all through the core. */
async function project() {
  const store = new MemoryProjectStore();
  const env = { clock: testClock(), ids: testIds() };
  const run = async <I, S, R>(op: Operation<I, S, R>, input: I, actor = ADA) => {
    const result = await runOperation(store, op, input, { ...env, actor });
    if (!result.ok) throw new Error(`${op.kind} refused: ${result.error.message}`);
    return result.value;
  };
  await run(addCoder, { name: 'Ada', id: ADA.id });
  await run(addCoder, { name: 'Ben', id: BEN.id }, BEN);
  const imported = await run(importThreads, {
    threads: [thread],
    posts: [post('p-1', null, 'What about the men? All lives matter.'), post('p-2', 'p-1', 'That is a false equivalence.')],
    projectName: 'Test',
    source: 'thread.json',
  });
  const code = await run(addCode, { name: 'Whataboutism', color: '#3355aa' });
  const adaCoding = await run(addCoding, { postId: 'p-1', codeId: code.result.id, start: 0, end: 18 });
  const benCoding = await run(addCoding, { postId: 'p-2', codeId: code.result.id, start: 10, end: 27 }, BEN);
  return { store, env, run, imported, adaCoding, benCoding };
}

describe('the History panel over the journal', () => {
  it('pages the journal newest first, filtering before it counts', async () => {
    const { store, adaCoding, benCoding } = await project();
    const all = await journal(store);
    const page = historyPage(all, NO_FILTER, 100);
    expect(page.entries.map((e) => e.operation)).toEqual(['coding.add', 'coding.add', 'code.add', 'threads.import', 'coders.add', 'coders.add']);
    expect(page.entries.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(historyPage(all, NO_FILTER, 2)).toEqual({ entries: [benCoding.entry, adaCoding.entry], total: 6 });

    const ada = historyPage(all, { ...NO_FILTER, actorId: ADA.id }, 2);
    expect(ada.entries.map((e) => e.seq)).toEqual([5, 4]);
    expect(ada.total).toBe(4);
    expect(historyPage(all, { ...NO_FILTER, operation: 'coding.add', actorId: BEN.id }, 10).entries).toEqual([benCoding.entry]);
    expect(historyPage(all, { ...NO_FILTER, record: adaCoding.result.id }, 10).entries).toEqual([adaCoding.entry]);
    expect(historyPage(all, { ...NO_FILTER, record: 'p-2' }, 10).entries.map((e) => e.operation)).toEqual(['threads.import']);
  });

  it('joins entries the store tells of into the journal read: once each, in seq order', async () => {
    const { store, adaCoding, benCoding } = await project();
    const all = await journal(store);
    const head = all.slice(0, 4);
    expect(withEntries(head, [adaCoding.entry!, benCoding.entry!, adaCoding.entry!])).toEqual(all);
    expect(withEntries(head, [benCoding.entry!, adaCoding.entry!])).toEqual(all);
    expect(withEntries(all, all)).toEqual(all);
  });

  it('reverts a coding: the coding is gone, and the revert is journaled naming what it reverted', async () => {
    const { store, env, adaCoding } = await project();
    const outcome = await revertFromHistory(store, adaCoding.entry!, { ...env, actor: BEN });
    expect(outcome).toMatchObject({ ok: true, message: 'Reverted: Coded “What about the men” as “Whataboutism”.' });
    expect(await codingNow(store, adaCoding.result.id)).toBeUndefined();
    const all = await journal(store);
    const newest = all.at(-1);
    expect(outcome.entry).toEqual(newest);
    expect(revertsByTarget(all).get(adaCoding.entry!.id)).toEqual(newest);
    expect(newest).toMatchObject({ operation: 'revert', reverts: adaCoding.entry!.id, actorId: BEN.id, actorName: 'Ben', seq: 7 });
    expect(newest!.changes).toEqual([{ table: 'codings', id: adaCoding.result.id, before: expect.objectContaining({ id: adaCoding.result.id }), after: null }]);
  });

  it('refuses in words when something later depends on the entry, and writes nothing', async () => {
    const { store, env, run, imported, adaCoding } = await project();
    await run(editMemo, { codingId: adaCoding.result.id, memo: 'deflects' });
    const before = (await journal(store)).length;

    const changed = await revertFromHistory(store, adaCoding.entry!, { ...env, actor: ADA });
    expect(changed).toEqual({ ok: false, entry: null, message: 'Not reverted. The coding changed since “Coded “What about the men” as “Whataboutism””, so it cannot be reverted.' });

    // The import added posts that codings now sit on.
    const importRefused = await revertFromHistory(store, imported.entry!, { ...env, actor: ADA });
    expect(importRefused.ok).toBe(false);
    expect(importRefused.message).toMatch(/^Not reverted: cannot remove the post: .*\(a later change depends on it\)\.$/);

    expect(await journal(store)).toHaveLength(before);
    expect(await codingNow(store, adaCoding.result.id)).toMatchObject({ memo: 'deflects' });
  });

  it('refuses without a coder', async () => {
    const { store, env, adaCoding } = await project();
    const outcome = await revertFromHistory(store, adaCoding.entry!, { ...env, actor: { id: '', name: '' } });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('Not reverted: no coder is chosen: say who is coding first.');
  });
});
