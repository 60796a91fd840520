import { describe, expect, it } from 'vitest';

import { coincidenceCells } from './coincidence-matrix';
import kripp2011Csv from './fixtures/krippendorff-2011-4x12.csv?raw';
import { prepareRatings } from './prepared-ratings';
import { randomRatings } from './random-ratings.test-helpers';
import type { ReliabilityData } from './reliability-data';
import { parseUnitsCsv } from './units-csv';

/** The full matrix, built literally from every ordered pair of values in each unit. */
function literalMatrix(data: ReliabilityData, categories: readonly (string | number)[]): number[][] {
  const o = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const row of data.values) {
    const present = row.filter((v) => v !== null);
    present.forEach((a, i) =>
      present.forEach((b, j) => {
        if (i !== j) o[categories.indexOf(a)]![categories.indexOf(b)]! += 1 / (present.length - 1);
      }),
    );
  }
  return o;
}

function denseFromCells(data: ReliabilityData): { categories: readonly (string | number)[]; o: number[][] } {
  const { encoded, tallies } = prepareRatings(data);
  const q = encoded.categories.length;
  const cells = coincidenceCells(tallies, q);
  const o = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  cells.o.forEach((w, i) => {
    o[cells.c[i]!]![cells.k[i]!] = w;
    o[cells.k[i]!]![cells.c[i]!] = w;
  });
  expect(cells.c.every((c, i) => c <= cells.k[i]!)).toBe(true);
  return { categories: encoded.categories, o };
}

describe('coincidenceCells', () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, https://repository.upenn.edu/asc_papers/43,
  // section C: the coincidence matrix of the 4 × 12 example; with these marginals α nominal = .743.
  it('gives the coincidence matrix of Krippendorff (2011)’s 4 × 12 example', () => {
    const data = parseUnitsCsv(kripp2011Csv);
    if (!data.ok) throw new Error(data.error.join());
    const { categories, o } = denseFromCells(data.value);
    expect(categories).toEqual([1, 2, 3, 4, 5]);
    const third = 1 / 3;
    const expected = [
      [7, 4 * third, third, third, 0],
      [4 * third, 10, 4 * third, third, 0],
      [third, 4 * third, 8, third, 0],
      [third, third, third, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    o.forEach((row, c) => row.forEach((x, k) => expect(x).toBeCloseTo(expected[c]![k]!, 12)));
    // Marginals n_c = 9, 13, 10, 5, 3 over n = 40 pairable values.
    expect(o.map((row) => row.reduce((s, x) => s + x, 0)).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
  });

  it('matches the literal construction, dense and sparse alike', () => {
    // 3 categories use the dense accumulator; 1,500 (q² above 2^21) the sparse one.
    for (const categories of [[1, 2, 3], Array.from({ length: 1500 }, (_, i) => i)]) {
      const data = randomRatings(9, { units: 400, coders: 4, categories, missing: 0.3 });
      const { categories: order, o } = denseFromCells(data);
      const literal = literalMatrix(data, order);
      let worst = 0;
      o.forEach((row, c) => row.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - literal[c]![k]!)))));
      expect(worst).toBeLessThan(1e-9);
    }
  });
});
