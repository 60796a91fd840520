import { describe, expect, it } from 'vitest';

import { type Interval, intersectionLength, mergeOverlapping, overlaps, totalLength } from './intervals';

/** A small deterministic generator so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const covered = (intervals: readonly Interval[], length: number): boolean[] => {
  const out = new Array<boolean>(length).fill(false);
  for (const i of intervals) for (let x = i.start; x < i.end; x++) out[x] = true;
  return out;
};

describe('mergeOverlapping', () => {
  it('merges overlaps, keeps touching intervals apart and drops empty ones', () => {
    expect(
      mergeOverlapping([
        { start: 5, end: 9 },
        { start: 0, end: 3 },
        { start: 2, end: 4 },
        { start: 9, end: 12 },
        { start: 7, end: 7 },
        { start: 6, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
      { start: 9, end: 12 },
    ]);
  });

  it('does not modify its input', () => {
    const input = [{ start: 0, end: 5 }, { start: 1, end: 9 }];
    mergeOverlapping(input);
    expect(input).toEqual([{ start: 0, end: 5 }, { start: 1, end: 9 }]);
  });
});

describe('intersectionLength', () => {
  it('matches a character-by-character count on random lists', () => {
    const rand = lcg(7);
    const randomList = (): Interval[] =>
      mergeOverlapping(
        Array.from({ length: Math.floor(rand() * 6) }, () => {
          const start = Math.floor(rand() * 40);
          return { start, end: start + 1 + Math.floor(rand() * 10) };
        }),
      );
    for (let trial = 0; trial < 300; trial++) {
      const a = randomList();
      const b = randomList();
      const ca = covered(a, 60);
      const cb = covered(b, 60);
      const expected = ca.filter((x, i) => x && cb[i]).length;
      expect(intersectionLength(a, b)).toBe(expected);
      expect(totalLength(a)).toBe(ca.filter(Boolean).length);
    }
  });
});

describe('overlaps', () => {
  it('treats touching intervals as not overlapping', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 0, end: 6 }, { start: 5, end: 9 })).toBe(true);
  });
});
