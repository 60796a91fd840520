import { describe, expect, it } from 'vitest';

import { MemoryProjectStore } from '../memory-store';
import { ADA, applied, code, post, runner, T0, thread } from '../testing/core-fixtures.test-helpers';
import { addCoding } from './codings';
import { codeHits, previewCodeHits } from './code-hits';
import { revertEntry } from './revert';

function project(): MemoryProjectStore {
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Test', createdAt: T0 },
    threads: [thread()],
    posts: [post('p-1', 'Cafés are nice. The café closed! Sad.', null), post('p-2', 'No café here.'), { ...post('p-3', '[missing]'), meta: { placeholder: 'missing' } }],
    codes: [code('c-x', 'Cafe talk'), code('c-cat', 'A category', { codable: false })],
    coders: [{ id: ADA.id, name: ADA.name }],
  });
}

// "Cafés are nice. The café closed! Sad." — café at 20–24; "No café here." — café at 3–7.
const hits = [
  { postId: 'p-1', start: 20, end: 24 },
  { postId: 'p-2', start: 3, end: 7 },
  { postId: 'p-3', start: 1, end: 8 },
];

const spans = async (store: MemoryProjectStore) =>
  (await store.read((r) => r.allCodings())).map((c) => `${c.postId}:${c.start}-${c.end}:${c.quote}`).sort();

describe('codeHits', () => {
  it('codes the hits, their sentences or the posts, skipping placeholders', async () => {
    for (const [scope, expected] of [
      ['hit', ['p-1:20-24:café', 'p-2:3-7:café']],
      ['sentence', ['p-1:16-32:The café closed!', 'p-2:0-13:No café here.']],
      ['post', ['p-1:0-37:Cafés are nice. The café closed! Sad.', 'p-2:0-13:No café here.']],
    ] as const) {
      const store = project();
      const preview = await store.read((r) => previewCodeHits(r, { codeId: 'c-x', scope, hits }, ADA));
      expect(preview.ok && { n: preview.value.spans.length, placeholders: preview.value.placeholders }).toEqual({ n: 2, placeholders: 1 });
      const done = applied(await runner(store)(codeHits, { codeId: 'c-x', scope, hits }));
      expect(done.result.every((c) => c.coderId === ADA.id && c.codeId === 'c-x')).toBe(true);
      expect(await spans(store), scope).toEqual(expected);
    }
  });

  it('is one journal entry: one undo removes every coding', async () => {
    const store = project();
    const run = runner(store);
    const done = applied(await run(codeHits, { codeId: 'c-x', scope: 'post', hits }));
    expect((await store.read((r) => r.journal())).filter((e) => e.operation === 'codings.code-hits')).toHaveLength(1);
    applied(await run(revertEntry, { entryId: done.entry!.id, verb: 'undo' }));
    expect(await spans(store)).toEqual([]);
  });

  it('skips what the coder already coded with the code, and twice the same span is coded once', async () => {
    const store = project();
    const run = runner(store);
    applied(await run(addCoding, { postId: 'p-1', codeId: 'c-x', start: 16, end: 32 }));
    const twice = [...hits, { postId: 'p-2', start: 3, end: 7 }];
    const preview = await store.read((r) => previewCodeHits(r, { codeId: 'c-x', scope: 'hit', hits: twice }, ADA));
    expect(preview.ok && { n: preview.value.spans.length, already: preview.value.alreadyCoded }).toEqual({ n: 1, already: 1 });
    // Another coder's codings do not count as done.
    const ben = await store.read((r) => previewCodeHits(r, { codeId: 'c-x', scope: 'hit', hits: twice, coderId: 'coder-ben' }, ADA));
    expect(ben.ok && ben.value.spans.length).toBe(2);
  });

  it('refuses a category, a missing code and a hit outside its post, changing nothing', async () => {
    const store = project();
    const run = runner(store);
    for (const [input, message] of [
      [{ codeId: 'c-cat', scope: 'hit', hits }, /category|codable|cannot/i],
      [{ codeId: 'c-none', scope: 'hit', hits }, /the code does not exist/],
      [{ codeId: 'c-x', scope: 'hit', hits: [{ postId: 'p-2', start: 3, end: 99 }] }, /outside the post/],
    ] as const) {
      const r = await run(codeHits, input);
      expect(r.ok ? null : r.error.message).toMatch(message);
    }
    expect(await spans(store)).toEqual([]);
  });
});
