import { describe, expect, it } from 'vitest';

import type { AgreementInput } from './coding-layers';
import { addSpanCounts, NO_SPANS, spanCounts, spanScores } from './span-f1';

describe('spanScores', () => {
  it('takes the first coder as reference: recall over A spans, precision over B spans', () => {
    const s = spanScores({ a: 3, b: 4, exact: 1, anyA: 2, anyB: 3, oneToOne: 2 });
    expect(s.exact).toEqual({ precision: 1 / 4, recall: 1 / 3, f1: (2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3) });
    expect(s.overlap_any.precision).toBe(3 / 4);
    expect(s.overlap_any.recall).toBe(2 / 3);
    expect(s.overlap_1to1).toMatchObject({ precision: 2 / 4, recall: 2 / 3 });
  });

  it('is null where nothing was coded, and F1 0 when only one coder coded', () => {
    expect(spanScores(NO_SPANS).exact).toEqual({ precision: null, recall: null, f1: null });
    expect(spanScores({ ...NO_SPANS, a: 2 }).overlap_any).toEqual({ precision: null, recall: 0, f1: 0 });
    expect(spanScores({ ...NO_SPANS, a: 2, b: 1 }).exact).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('spanCounts', () => {
  const input: AgreementInput = {
    posts: [
      { id: 'p1', length: 100 },
      { id: 'p2', length: 100 },
      { id: 'p3', length: 100, ratedBy: ['a'] },
    ],
    codes: [],
    coders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
    codings: [
      { postId: 'p1', codeId: 'k', coderId: 'a', start: 0, end: 10 },
      { postId: 'p1', codeId: 'k', coderId: 'a', start: 5, end: 12 },
      { postId: 'p1', codeId: 'k', coderId: 'b', start: 0, end: 12 },
      // Same offsets in another post never match.
      { postId: 'p2', codeId: 'k', coderId: 'a', start: 40, end: 50 },
      { postId: 'p1', codeId: 'k', coderId: 'b', start: 40, end: 50 },
      // A post B never saw is not compared.
      { postId: 'p3', codeId: 'k', coderId: 'a', start: 0, end: 5 },
      // Code m: the asymmetric example above, in one post.
      ...[[0, 10], [20, 30], [40, 45]].map(([start, end]) => ({ postId: 'p2', codeId: 'm', coderId: 'a', start: start!, end: end! })),
      ...[[0, 10], [22, 25], [26, 35], [50, 60]].map(([start, end]) => ({ postId: 'p2', codeId: 'm', coderId: 'b', start: start!, end: end! })),
    ],
  };

  it('counts per post over the posts both rated, overlapping codings merged into one span', () => {
    expect(spanCounts(input, 'k', 'a', 'b')).toEqual({ a: 2, b: 2, exact: 1, anyA: 1, anyB: 1, oneToOne: 1 });
  });

  it('swaps precision and recall when the coders are swapped', () => {
    const ab = spanScores(spanCounts(input, 'm', 'a', 'b'));
    const ba = spanScores(spanCounts(input, 'm', 'b', 'a'));
    expect(ab.overlap_any).toMatchObject({ precision: 3 / 4, recall: 2 / 3 });
    for (const rule of ['exact', 'overlap_any', 'overlap_1to1'] as const) {
      expect(ba[rule].precision).toBe(ab[rule].recall);
      expect(ba[rule].recall).toBe(ab[rule].precision);
      expect(ba[rule].f1).toBe(ab[rule].f1);
    }
  });

  it('is 1 everywhere for identical layers', () => {
    const same = { ...input, codings: input.codings.filter((c) => c.coderId === 'a').flatMap((c) => [c, { ...c, coderId: 'b' }]) };
    const s = spanScores(spanCounts(same, 'k', 'a', 'b'));
    expect([s.exact, s.overlap_any, s.overlap_1to1]).toEqual(new Array(3).fill({ precision: 1, recall: 1, f1: 1 }));
  });

  it('adds counts for micro-averaging', () => {
    const x = { a: 1, b: 2, exact: 1, anyA: 1, anyB: 1, oneToOne: 1 };
    expect(addSpanCounts(x, x)).toEqual({ a: 2, b: 4, exact: 2, anyA: 2, anyB: 2, oneToOne: 2 });
  });
});
