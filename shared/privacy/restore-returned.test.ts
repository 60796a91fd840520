import { describe, expect, it } from 'vitest';

import { codedDemo } from './demo-fixture.test-helpers';
import { pseudonymiseBundle } from './pseudonymise-bundle';
import { restoreReturned } from './restore-returned';

describe('restoreReturned', () => {
  it('puts codings made on the pseudonymised texts back on the original words', () => {
    const demo = codedDemo();
    const done = pseudonymiseBundle(demo, '12'.repeat(32));
    // A coder codes, on the exported texts, exactly what the project's codings cover there.
    const back = restoreReturned(done.bundle, done, demo);
    const original = new Map(demo.codings.map((c) => [c.id, c]));
    for (const c of back.codings) {
      const was = original.get(c.id)!;
      // Spans that cut into a name come back covering the whole name; all others exactly.
      expect(c.start).toBeLessThanOrEqual(was.start);
      expect(c.end).toBeGreaterThanOrEqual(was.end);
      expect(c.quote).toContain(was.quote);
    }
    const untouched = back.codings.filter((c) => c.quote === original.get(c.id)!.quote);
    expect(untouched.length).toBeGreaterThan(back.codings.length / 2);
    expect(back.posts).toEqual(demo.posts);
  });

  it('carries a relation’s span ends back to the original words too, and leaves whole-post ends alone', () => {
    const demo = codedDemo();
    const done = pseudonymiseBundle(demo, '12'.repeat(32));
    // Spans made on the exported texts: each coding's span as a relation end to the thread's root.
    const relations = done.bundle.codings.map((c, i) => {
      const post = done.bundle.posts.find((p) => p.id === c.postId)!;
      const root = done.bundle.threads.find((t) => t.id === post.threadId)!.rootPostId;
      return { id: `r-${i}`, relationCodeId: 'rc', coderId: c.coderId, threadId: post.threadId, from: { postId: c.postId, start: c.start, end: c.end, quote: c.quote }, to: { postId: root }, memo: '', createdAt: c.createdAt, updatedAt: c.updatedAt };
    });
    const back = restoreReturned({ ...done.bundle, relations }, done, demo);
    const codings = restoreReturned(done.bundle, done, demo).codings;
    back.relations!.forEach((r, i) => {
      const c = codings[i]!;
      expect([r.from.start, r.from.end, r.from.quote]).toEqual([c.start, c.end, c.quote]);
      expect(r.to).toEqual(relations[i]!.to);
    });
    // Some ends did move (they touched a name), so the check above is not the identity.
    expect(back.relations!.some((r, i) => r.from.quote !== relations[i]!.from.quote)).toBe(true);
  });
});
