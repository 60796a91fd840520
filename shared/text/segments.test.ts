import { describe, expect, it } from 'vitest';

import { segmentize } from './segments';

const span = (id: string, start: number, end: number) => ({ id, start, end });

describe('segmentize', () => {
  it('returns one uncovered segment when there are no spans', () => {
    expect(segmentize(5, [])).toEqual([{ start: 0, end: 5, ids: [] }]);
  });

  it('returns nothing for an empty text', () => {
    expect(segmentize(0, [span('a', 0, 3)])).toEqual([]);
  });

  it('cuts overlapping spans into flat pieces', () => {
    expect(segmentize(10, [span('a', 1, 6), span('b', 4, 9)])).toEqual([
      { start: 0, end: 1, ids: [] },
      { start: 1, end: 4, ids: ['a'] },
      { start: 4, end: 6, ids: ['a', 'b'] },
      { start: 6, end: 9, ids: ['b'] },
      { start: 9, end: 10, ids: [] },
    ]);
  });

  it('lists ids in the order the spans were given, not by position', () => {
    expect(segmentize(6, [span('late', 2, 4), span('early', 0, 6)])).toEqual([
      { start: 0, end: 2, ids: ['early'] },
      { start: 2, end: 4, ids: ['late', 'early'] },
      { start: 4, end: 6, ids: ['early'] },
    ]);
  });

  it('handles nesting, identical spans and a full cover', () => {
    expect(segmentize(8, [span('all', 0, 8), span('x', 2, 5), span('y', 2, 5)])).toEqual([
      { start: 0, end: 2, ids: ['all'] },
      { start: 2, end: 5, ids: ['all', 'x', 'y'] },
      { start: 5, end: 8, ids: ['all'] },
    ]);
    expect(segmentize(3, [span('whole', 0, 3)])).toEqual([{ start: 0, end: 3, ids: ['whole'] }]);
  });

  it('keeps touching spans apart without an empty segment between them', () => {
    expect(segmentize(6, [span('a', 0, 3), span('b', 3, 6)])).toEqual([
      { start: 0, end: 3, ids: ['a'] },
      { start: 3, end: 6, ids: ['b'] },
    ]);
  });

  it('clamps spans to the text and ignores empty or inverted ones', () => {
    expect(segmentize(4, [span('big', -2, 10), span('empty', 2, 2), span('inv', 3, 1), span('out', 7, 9)])).toEqual([
      { start: 0, end: 4, ids: ['big'] },
    ]);
  });

  it('covers the text contiguously for many random spans', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const spans = Array.from({ length: 300 }, (_, i) => {
      const a = rand(500);
      return span(`s${i}`, a, a + rand(60));
    });
    const segments = segmentize(500, spans);
    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(500);
    segments.forEach((seg, i) => {
      expect(seg.end).toBeGreaterThan(seg.start);
      if (i > 0) expect(seg.start).toBe(segments[i - 1]!.end);
      const expected = spans.filter((s) => s.start <= seg.start && seg.end <= Math.min(s.end, 500) && s.start < s.end);
      expect(seg.ids).toEqual(expected.map((s) => s.id));
    });
  });
});
