import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../../agreement/seeded-random';
import { coveredLength } from './covered-length';

describe('coveredLength', () => {
  it('counts each covered code point once: nested, overlapping, touching and apart', () => {
    expect(coveredLength([])).toBe(0);
    expect(coveredLength([{ start: 3, end: 8 }])).toBe(5);
    expect(coveredLength([{ start: 0, end: 10 }, { start: 2, end: 4 }])).toBe(10);
    expect(coveredLength([{ start: 5, end: 9 }, { start: 0, end: 6 }])).toBe(9);
    expect(coveredLength([{ start: 0, end: 3 }, { start: 3, end: 5 }])).toBe(5);
    expect(coveredLength([{ start: 0, end: 2 }, { start: 7, end: 8 }, { start: 4, end: 4 }])).toBe(3);
  });

  it('equals the size of the set of covered points on random spans', () => {
    const random = mulberry32(5);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const start = Math.floor(random() * 30);
        return { start, end: start + Math.floor(random() * 10) };
      });
      const points = new Set(spans.flatMap(({ start, end }) => Array.from({ length: end - start }, (_, i) => start + i)));
      expect(coveredLength(spans)).toBe(points.size);
    }
  });
});
