import { describe, expect, it } from 'vitest';

import { type Interval, mergeOverlapping, overlaps } from './intervals';
import { countSpanMatches, maximumOverlapMatching } from './span-matching';

const iv = (start: number, end: number): Interval => ({ start, end });

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Kuhn's augmenting-path algorithm on the full overlap graph: the textbook maximum matching. */
function kuhnMatching(a: readonly Interval[], b: readonly Interval[]): number {
  const matchOfB = new Array<number>(b.length).fill(-1);
  const tryAugment = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < b.length; j++) {
      if (seen[j] || !overlaps(a[i]!, b[j]!)) continue;
      seen[j] = true;
      if (matchOfB[j] === -1 || tryAugment(matchOfB[j]!, seen)) {
        matchOfB[j] = i;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let i = 0; i < a.length; i++) if (tryAugment(i, new Array<boolean>(b.length).fill(false))) size++;
  return size;
}

describe('countSpanMatches', () => {
  it('counts exact, any-overlap and one-to-one matches', () => {
    const a = [iv(0, 10), iv(20, 30), iv(40, 45)];
    const b = [iv(0, 10), iv(22, 25), iv(26, 35), iv(50, 60)];
    expect(countSpanMatches(a, b)).toEqual({ a: 3, b: 4, exact: 1, anyA: 2, anyB: 3, oneToOne: 2 });
  });

  it('does not count touching spans as overlapping', () => {
    expect(countSpanMatches([iv(0, 5)], [iv(5, 9)])).toEqual({ a: 1, b: 1, exact: 0, anyA: 0, anyB: 0, oneToOne: 0 });
  });

  it('finds a maximum matching (checked against Kuhn’s algorithm on random spans)', () => {
    const rand = lcg(42);
    const spans = (): Interval[] =>
      mergeOverlapping(
        Array.from({ length: Math.floor(rand() * 9) }, () => {
          const start = Math.floor(rand() * 60);
          return iv(start, start + 1 + Math.floor(rand() * 12));
        }),
      );
    for (let trial = 0; trial < 500; trial++) {
      const a = spans();
      const b = spans();
      expect(maximumOverlapMatching(a, b)).toBe(kuhnMatching(a, b));
      expect(maximumOverlapMatching(b, a)).toBe(kuhnMatching(a, b));
    }
  });
});
