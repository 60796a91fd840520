import { describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import type { Post, Thread } from '@shared/model/records';

import { validateImport } from './validate-import';

/** The example bundle plus `n` new one-post-and-reply threads, as an import appends them. */
function withImported(n: number): Bundle {
  const b = exampleBundle();
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < n; i++) {
    threads.push({ id: `nt${i}`, title: `T${i}`, platform: 'reddit', rootPostId: `np${i}`, importedAt: b.exportedAt, source: 'f' });
    const post: Post = { id: `np${i}`, threadId: `nt${i}`, parentId: null, author: 'a', createdAt: null, text: 'x', platform: 'reddit', platformId: `r${i}`, url: null, meta: {} };
    posts.push(post, { ...post, id: `nr${i}`, parentId: `np${i}`, platformId: `rr${i}` });
  }
  return { ...b, threads: [...b.threads, ...threads], posts: [...b.posts, ...posts] };
}

const base = { threads: 2, posts: 3 };

describe('validateImport', () => {
  it.each([0, 1_000_000])('accepts a valid bundle (whole limit %i)', (limit) => {
    expect(validateImport(withImported(60_000), base, limit)).toEqual([]);
  });

  it.each([0, 1_000_000])('finds a reply whose parent is in no batch, and a reused id (whole limit %i)', (limit) => {
    const b = withImported(60_000);
    const last = b.posts.length - 1;
    b.posts[last] = { ...(b.posts[last] as Post), parentId: 'nowhere' };
    b.posts[5] = { ...(b.posts[5] as Post), id: 'p-1' };
    const problems = validateImport(b, base, limit).map((p) => `${p.field}: ${p.message}`);
    expect(problems.some((p) => p.startsWith('parentId:'))).toBe(true);
    expect(problems.some((p) => /p-1/.test(p))).toBe(true);
  });

  it.each([0, 1_000_000])('accepts a base codebook with exemplar codings (whole limit %i)', (limit) => {
    const b = withImported(60_000);
    const coding = b.codings[0]!;
    b.codes = b.codes.map((c) => (c.id === coding.codeId ? { ...c, exemplarCodingIds: [coding.id] } : c));
    expect(validateImport(b, base, limit)).toEqual([]);
  });
});
