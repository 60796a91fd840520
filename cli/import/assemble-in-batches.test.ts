import { describe, expect, it } from 'vitest';

import { assembleThreads } from '@shared/import/assemble-threads';
import type { ParsedFile, RawPost } from '@shared/import/raw-post';

import { assembleInBatches } from './assemble-in-batches';

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
const existing = { hasPost: (_: string, id: string) => id === 'old' };

describe('assembleInBatches', () => {
  it.each([1, 2, 100])('gives what one assembleThreads call gives (batch size %i)', (batch) => {
    const whole = assembleThreads(files(), existing, deps());
    const batched = assembleInBatches(files(), existing, deps(), batch);
    expect(batched.threads).toEqual(whole.threads);
    expect(batched.posts).toEqual(whole.posts);
    expect(batched.duplicatesSkipped).toBe(whole.duplicatesSkipped);
    expect(new Set(batched.warnings.map((w) => w.message))).toEqual(new Set(whole.warnings.map((w) => w.message)));
    expect(batched.duplicatesPerFile).toEqual([1, 2]);
    expect(batched.postsPerFile).toEqual([4, 2]);
  });

  it('empties the post lists it was given', () => {
    const input = files();
    assembleInBatches(input, existing, deps(), 2);
    expect(input.map((f) => f.parsed.posts.length)).toEqual([0, 0]);
  });
});
