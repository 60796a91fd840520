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
});
