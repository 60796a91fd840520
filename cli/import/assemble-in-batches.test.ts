import { describe, expect, it } from 'vitest';

import { assembleThreads, type ExistingPosts } from '@shared/import/assemble-threads';
import type { ParsedFile, RawPost } from '@shared/import/raw-post';
import type { Post, Thread } from '@shared/model/records';

import { assembleInBatches, type BatchTarget } from './assemble-in-batches';

function raw(id: string, parent: string | null, thread: string, extra: Partial<RawPost> = {}): RawPost {
  return { platform: 'reddit', platformId: id, parentPlatformId: parent, threadKey: thread, author: 'a', createdAt: null, text: `t ${id}`, url: null, meta: {}, ...extra };
}

/** Two files; thread B spans both; a duplicate inside and one across files; a missing parent. */
function files(): Array<{ fileName: string; parsed: ParsedFile }> {
  return [
    { fileName: 'one', parsed: { format: 'x', warnings: [], posts: [raw('a1', null, 'A'), raw('b1', null, 'B'), raw('a2', 'a1', 'A'), raw('a2', 'a1', 'A'), raw('c2', 'gone', 'C')] } },
    { fileName: 'two', parsed: { format: 'x', warnings: [], posts: [raw('b2', 'b1', 'B'), raw('a1', null, 'A'), raw('old', null, 'D'), raw('d2', 'old', 'D')] } },
  ];
}

const deps = () => {
  let n = 0;
  return { clock: { now: () => '2026-01-01T00:00:00.000Z' }, ids: { newId: () => `id${++n}` } };
};
const existing: ExistingPosts = { hasPost: (_: string, id: string) => id === 'old' };

/** A target that keeps what each batch commits, in plain arrays. */
function collecting(refuseAt = 0) {
  const committed = { threads: [] as Thread[], posts: [] as Post[], parts: [] as string[] };
  const target: BatchTarget = {
    stored: existing,
    existingFor: async () => existing,
    commit: async ({ threads, posts }, { index, count }) => {
      if (index === refuseAt) return { message: 'refused' };
      committed.threads.push(...threads);
      committed.posts.push(...posts);
      committed.parts.push(`${index}/${count}`);
      return undefined;
    },
  };
  return { target, committed };
}

describe('assembleInBatches', () => {
  it.each([
    [1, ['1/4', '2/4', '3/4', '4/4']],
    [2, ['1/3', '2/3', '3/3']],
    [100, ['1/1']],
  ])('commits what one assembleThreads call gives (batch size %i)', async (batch, parts) => {
    const whole = assembleThreads(files(), existing, deps());
    const { target, committed } = collecting();
    const result = await assembleInBatches(files(), target, deps(), batch);
    if (!result.ok) throw new Error(result.error.message);
    const batched = result.value;
    expect(committed.threads).toEqual(whole.threads);
    expect(committed.posts).toEqual(whole.posts);
    expect(committed.parts).toEqual(parts);
    expect(batched.threads).toEqual(whole.threads);
    expect(batched.postCount).toBe(whole.posts.length);
    expect(batched.batches).toBe(parts.length);
    expect(batched.duplicatesSkipped).toBe(whole.duplicatesSkipped);
    expect(new Set(batched.warnings.map((w) => w.message))).toEqual(new Set(whole.warnings.map((w) => w.message)));
    expect(batched.duplicatesPerFile).toEqual([1, 2]);
    expect(batched.postsPerFile).toEqual([4, 2]);
  });

  it('empties the post lists it was given', async () => {
    const input = files();
    await assembleInBatches(input, collecting().target, deps(), 2);
    expect(input.map((f) => f.parsed.posts.length)).toEqual([0, 0]);
  });

  it('stops at a refused batch with its problem', async () => {
    const { target, committed } = collecting(2);
    expect(await assembleInBatches(files(), target, deps(), 1)).toEqual({ ok: false, error: { message: 'refused' } });
    expect(committed.parts).toEqual(['1/4']);
  });
});
