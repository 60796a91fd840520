import { describe, expect, it } from 'vitest';

import { computeCoefficients } from './compute-coefficients';
import { naiveAlpha } from './naive-alpha.test-helpers';
import { permute, randomRatings, shuffled } from './random-ratings.test-helpers';
import { COEFFICIENTS, type CoefficientReport, type RatingValue, type ReliabilityData } from './reliability-data';

/** Reliability data from rows of values (one row per unit, one column per coder). */
function table(rows: (RatingValue | null)[][], coders = rows[0]?.length ?? 0): ReliabilityData {
  return { units: rows.map((_, u) => `u${u + 1}`), coders: Array.from({ length: coders }, (_, c) => `c${c + 1}`), values: rows };
}

/** n rows of the same pair. */
const repeat = (n: number, pair: RatingValue[]) => Array.from({ length: n }, () => [...pair]);

function expectWellFormed(report: CoefficientReport) {
  for (const name of COEFFICIENTS) {
    const value = report[name];
    if (value === null) expect(report.undefined[name], name).toMatch(/\w/);
    else {
      expect(Number.isFinite(value), name).toBe(true);
      expect(report.undefined[name], name).toBeUndefined();
    }
  }
}

describe('computeCoefficients', () => {
  it('reports the counts and every coefficient, in the order the CLI prints', () => {
    const report = computeCoefficients(table([[1, 1], [2, 2], [1, 2], [3, null]]));
    expect(Object.keys(report)).toEqual(['n_units', 'n_coders', 'n_pairable_units', ...COEFFICIENTS, 'undefined']);
    expect(report).toMatchObject({ n_units: 4, n_coders: 2, n_pairable_units: 3 });
    expectWellFormed(report);
  });

  it('follows the issue’s definitions with missing data, checked by hand', () => {
    // u1 a,a,a · u2 a,b,– · u3 b,–,– · u4 b,b,a
    const report = computeCoefficients(table([['a', 'a', 'a'], ['a', 'b', null], ['b', null, null], ['b', 'b', 'a']]));
    expect(report.n_pairable_units).toBe(3);
    // Coded by every coder: u1 (unanimous) and u4.
    expect(report.percent_agreement).toBe(0.5);
    // pa = (6/6 + 0/2 + 2/6) / 3 = 4/9 over the units with two or more values.
    expect(report.pairwise_agreement).toBeCloseTo(4 / 9, 15);
    // Fleiss over u1 and u4: P̄ = 2/3, P̄e = (4/6)² + (2/6)² = 5/9, κ = (1/9)/(4/9).
    expect(report.fleiss_kappa).toBeCloseTo(1 / 4, 15);
    // q = 2: BP pe = 1/2. π_a = (1 + 1/2 + 0 + 1/3)/4 = 11/24 over the four rated units; AC1 pe = 2·(11/24)(13/24).
    expect(report.brennan_prediger).toBeCloseTo((4 / 9 - 1 / 2) / (1 / 2), 15);
    const pe = (2 * 11 * 13) / (24 * 24);
    expect(report.gwet_ac1).toBeCloseTo((4 / 9 - pe) / (1 - pe), 15);
    expect(report.gwet_ac1).toBeCloseTo(-3 / 29, 15);
    // α: n = 8 pairable values (5 a, 3 b); Σ o_ck δ = 2 (u2) + 2 (u4); Σ n_c n_k δ = 64 − 25 − 9 = 30.
    expect(report.alpha_nominal).toBeCloseTo(1 - (7 * 4) / 30, 15);
    expect(report.cohen_kappa).toBeNull();
    expect(report.undefined.cohen_kappa).toBe("Cohen's κ needs exactly two coders (there are 3)");
    expect(report.undefined.alpha_interval).toBe('interval α needs every value to be a number');
  });

  it('shows the prevalence paradox: 97 % agreement, κ ≈ .71, AC1 and BP stay high', () => {
    // Two coders, 100 units: 93 yes/yes, 1 yes/no, 2 no/yes, 4 no/no (a constructed example).
    const data = table([...repeat(93, ['yes', 'yes']), ...repeat(1, ['yes', 'no']), ...repeat(2, ['no', 'yes']), ...repeat(4, ['no', 'no'])]);
    const report = computeCoefficients(data);
    expect(report.percent_agreement).toBeCloseTo(0.97, 15);
    // p_e = .94·.95 + .06·.05 = .896, κ = (.97 − .896)/(1 − .896) = 37/52 = .7115.
    expect(report.cohen_kappa).toBeCloseTo(37 / 52, 15);
    expect(report.cohen_kappa).toBeCloseTo(0.71, 2);
    // π_yes = (.94 + .95)/2 = .945, pe = 2·.945·.055 = .10395, AC1 = .86605/.89605 = .9665.
    expect(report.gwet_ac1).toBeCloseTo(0.86605 / 0.89605, 14);
    expect(report.gwet_ac1).toBeCloseTo(0.967, 3);
    // pe = 1/2: BP = (.97 − .5)/.5 = .94.
    expect(report.brennan_prediger).toBeCloseTo(0.94, 14);
    // Scott's π = (.97 − .89605)/(1 − .89605) and α = 1 − (199/200)(1 − π) = .7128: α collapses like κ.
    expect(report.alpha_nominal).toBeCloseTo(1 - (199 / 200) * (1 - 0.07395 / 0.10395), 14);
  });

  describe('says why a coefficient is undefined, and is never NaN', () => {
    it('no data at all', () => {
      const report = computeCoefficients({ units: [], coders: [], values: [] });
      expectWellFormed(report);
      expect(COEFFICIENTS.every((name) => report[name] === null)).toBe(true);
      expect(report.undefined).toMatchObject({ percent_agreement: 'fewer than two coders', alpha_nominal: 'no unit has two or more values', gwet_ac1: 'no values' });
    });

    it('no unit with two values', () => {
      const report = computeCoefficients(table([[1, null], [null, 2], [null, null]]));
      expectWellFormed(report);
      expect(report.n_pairable_units).toBe(0);
      expect(report.undefined).toEqual({
        percent_agreement: 'no unit is coded by every coder',
        pairwise_agreement: 'no unit has two or more values',
        cohen_kappa: 'no unit is coded by both coders',
        fleiss_kappa: 'no unit is coded by every coder',
        brennan_prediger: 'no unit has two or more values',
        gwet_ac1: 'no unit has two or more values',
        alpha_nominal: 'no unit has two or more values',
        alpha_ordinal: 'no unit has two or more values',
        alpha_interval: 'no unit has two or more values',
        alpha_ratio: 'no unit has two or more values',
      });
    });

    it('a single category: agreement is 1 but chance-corrected coefficients are undefined', () => {
      const report = computeCoefficients(table([['x', 'x'], ['x', 'x'], ['x', null]]));
      expectWellFormed(report);
      expect(report.percent_agreement).toBe(1);
      expect(report.pairwise_agreement).toBe(1);
      expect(report.undefined).toMatchObject({
        cohen_kappa: 'no variation: both coders used the same single value',
        fleiss_kappa: 'no variation: every value is the same',
        brennan_prediger: 'fewer than two categories observed',
        gwet_ac1: 'fewer than two categories observed',
        alpha_nominal: 'no variation: every pairable value is the same',
      });
    });

    it('variation only outside the pairable units leaves α undefined', () => {
      const report = computeCoefficients(table([[1, 1], [1, 1], [2, null]]));
      expect(report.alpha_interval).toBeNull();
      expect(report.undefined.alpha_interval).toBe('no variation: every pairable value is the same');
      expect(report.gwet_ac1).not.toBeNull();
    });

    it('one coder', () => {
      const report = computeCoefficients(table([[1], [2]]));
      expectWellFormed(report);
      expect(report.undefined).toMatchObject({ percent_agreement: 'fewer than two coders', fleiss_kappa: 'fewer than two coders', cohen_kappa: "Cohen's κ needs exactly two coders (there are 1)" });
    });

    it('ratio α with negative values', () => {
      const report = computeCoefficients(table([[-1, -1], [2, 3]]));
      expect(report.alpha_interval).not.toBeNull();
      expect(report.alpha_ratio).toBeNull();
      expect(report.undefined.alpha_ratio).toBe('ratio α needs values that are not negative');
    });

    it('values so large that the metric overflows', () => {
      const report = computeCoefficients(table([[1e200, -1e200], [-1e200, 1e200], [1e200, 1e200]]));
      expectWellFormed(report);
      expect(report.alpha_nominal).not.toBeNull();
      expect(report.undefined.alpha_interval).toBe('not computable in floating point (values too large)');
    });

    it('ratio α over too many distinct values for the exact pass over category pairs', () => {
      const rows = Array.from({ length: 10_001 }, (_, u) => [2 * u, 2 * u + 1]);
      const report = computeCoefficients(table(rows));
      expect(report.alpha_interval).not.toBeNull();
      expect(report.undefined.alpha_ratio).toBe('ratio α is limited to 20000 distinct values (there are 20002)');
    });
  });

  describe('properties', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

    it('perfect agreement gives 1 wherever a coefficient is defined', () => {
      for (const seed of seeds) {
        const base = randomRatings(seed, { units: 40, coders: 2 + (seed % 4), categories: [0, 1, 2, 5, 9], missing: 0.2, agreement: 1 });
        const report = computeCoefficients(base);
        expectWellFormed(report);
        for (const name of COEFFICIENTS) if (report[name] !== null) expect(report[name], `${name}, seed ${seed}`).toBe(1);
        expect(report.alpha_ordinal).toBe(1);
      }
    });

    it('permuting units or coders changes nothing', () => {
      for (const seed of seeds) {
        const coders = 2 + (seed % 4);
        const data = randomRatings(seed, { units: 60, coders, categories: [1, 2, 3, 4], missing: 0.15 });
        const moved = permute(data, shuffled(60, seed + 100), shuffled(coders, seed + 200));
        const a = computeCoefficients(data);
        const b = computeCoefficients(moved);
        expect(b.undefined).toEqual(a.undefined);
        expect(b.n_pairable_units).toBe(a.n_pairable_units);
        for (const name of COEFFICIENTS) {
          if (a[name] === null) expect(b[name]).toBeNull();
          else expect(b[name], `${name}, seed ${seed}`).toBeCloseTo(a[name]!, 12);
        }
      }
    });

    it('two coders without missing data: α nominal = 1 − (2n − 1)/(2n)·(1 − Scott’s π)', () => {
      for (const seed of seeds) {
        const data = randomRatings(seed, { units: 30 + seed, coders: 2, categories: ['a', 'b', 'c'] });
        const n = data.units.length;
        // Scott's π (1955), computed here independently: p_o − p_e over 1 − p_e with pooled proportions.
        const pairs = data.values.map((row) => [row[0]!, row[1]!] as const);
        const po = pairs.filter(([x, y]) => x === y).length / n;
        const pe = ['a', 'b', 'c'].reduce((sum, k) => sum + (pairs.filter(([x]) => x === k).length / (2 * n) + pairs.filter(([, y]) => y === k).length / (2 * n)) ** 2, 0);
        const pi = (po - pe) / (1 - pe);
        expect(computeCoefficients(data).alpha_nominal, `seed ${seed}`).toBeCloseTo(1 - ((2 * n - 1) / (2 * n)) * (1 - pi), 12);
      }
    });

    it('α at every level equals the literal coincidence-matrix computation, with missing data', () => {
      for (const seed of seeds) {
        const data = randomRatings(seed, { units: 25, coders: 2 + (seed % 5), categories: [0, 1, 2, 3.5, 7, 10], missing: 0.3 });
        const report = computeCoefficients(data);
        expect(report.alpha_nominal, `seed ${seed}`).toBeCloseTo(naiveAlpha(data, 'nominal'), 12);
        expect(report.alpha_ordinal, `seed ${seed}`).toBeCloseTo(naiveAlpha(data, 'ordinal'), 12);
        expect(report.alpha_interval, `seed ${seed}`).toBeCloseTo(naiveAlpha(data, 'interval'), 12);
        expect(report.alpha_ratio, `seed ${seed}`).toBeCloseTo(naiveAlpha(data, 'ratio'), 12);
      }
    });
  });
});
