import { describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import type { Post, Thread } from '@shared/model/records';

import { validateImport } from './validate-import';

/** The example bundle plus `n` new one-post-and-reply threads, as an import adds them, and the ids of the threads it touched. */
function withImported(n: number): { bundle: Bundle; touched: Set<string> } {
  const b: Bundle = { ...exampleBundle(), formatVersion: 3, journal: [] };
  delete (b as { codebookChanges?: unknown }).codebookChanges;
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < n; i++) {
    threads.push({ id: `nt${i}`, title: `T${i}`, platform: 'reddit', rootPostId: `np${i}`, importedAt: b.exportedAt, source: 'f' });
    const post: Post = { id: `np${i}`, threadId: `nt${i}`, parentId: null, author: 'a', createdAt: null, text: 'x', platform: 'reddit', platformId: `r${i}`, url: null, meta: {} };
    posts.push(post, { ...post, id: `nr${i}`, parentId: `np${i}`, platformId: `rr${i}` });
  }
  // A new reply joining the bundle's first thread: that thread is touched too.
  posts.push({ ...(b.posts[0] as Post), id: 'late', parentId: 'p-2', platformId: 'late' });
  return { bundle: { ...b, threads: [...b.threads, ...threads], posts: [...b.posts, ...posts] }, touched: new Set([...threads.map((t) => t.id), 't-1']) };
}

// 200 threads of 2 posts in batches of 50 posts: 8 batches; whole limit 0 forces the batches.
const BATCHED = { wholeLimit: 0, batchPosts: 50 };
const WHOLE = { wholeLimit: 1_000_000 };

describe('validateImport', () => {
  it.each([BATCHED, WHOLE])('accepts a valid bundle (%j)', (options) => {
    const { bundle, touched } = withImported(200);
    let batches = 0;
    expect(validateImport(bundle, touched, { ...options, afterBatch: () => batches++ })).toEqual([]);
    expect(batches).toBe(options === BATCHED ? 9 : 0);
  });

  it.each([BATCHED, WHOLE])('finds a reply whose parent is in no batch, a reused id and a post of no thread (%j)', (options) => {
    const { bundle: b, touched } = withImported(200);
    const last = b.posts.length - 2;
    b.posts[last] = { ...(b.posts[last] as Post), parentId: 'nowhere' };
    b.posts[5] = { ...(b.posts[5] as Post), id: 'p-1' };
    b.posts.push({ ...(b.posts[7] as Post), id: 'stray', threadId: 'no-such-thread', platformId: 'stray' });
    const problems = validateImport(b, touched, options).map((p) => `${p.field}: ${p.message}`);
    expect(problems.some((p) => p.startsWith('parentId:'))).toBe(true);
    expect(problems.some((p) => /p-1/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('threadId:'))).toBe(true);
  });

  it.each([BATCHED, WHOLE])('accepts a base codebook with exemplar codings (%j)', (options) => {
    const { bundle: b, touched } = withImported(200);
    const coding = b.codings[0]!;
    b.codes = b.codes.map((c) => (c.id === coding.codeId ? { ...c, exemplarCodingIds: [coding.id] } : c));
    expect(validateImport(b, touched, options)).toEqual([]);
  });
});
