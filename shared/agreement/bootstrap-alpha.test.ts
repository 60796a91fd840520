import { describe, expect, it } from 'vitest';

import { alphaReplicates, bootstrapAlpha } from './bootstrap-alpha';
import { computeCoefficients } from './compute-coefficients';
import kripp2011Csv from './fixtures/krippendorff-2011-4x12.csv?raw';
import { alphaParts } from './krippendorff-alpha';
import { prepareRatings } from './prepared-ratings';
import { randomRatings } from './random-ratings.test-helpers';
import { parseUnitsCsv } from './units-csv';

// Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard reliability measure for
// coding data. Communication Methods and Measures 1(1), 77–89; their KALPHA macro draws pairs of
// values from the coincidence matrix with De held fixed. These tests check that procedure's
// properties; no published interval exists for a seeded generator.
const kripp2011 = (() => {
  const data = parseUnitsCsv(kripp2011Csv);
  if (!data.ok) throw new Error(data.error.join());
  return data.value;
})();

describe('bootstrapAlpha', () => {
  it('is reproducible for a seed and echoes its settings', () => {
    const a = bootstrapAlpha(kripp2011, 'ordinal', { samples: 2000, seed: 7 });
    expect(bootstrapAlpha(kripp2011, 'ordinal', { samples: 2000, seed: 7 })).toEqual(a);
    expect(a).toMatchObject({ level: 0.95, samples: 2000, seed: 7 });
    expect(bootstrapAlpha(kripp2011, 'ordinal', { samples: 2000, seed: 8 })).not.toEqual(a);
  });

  it('brackets α at every level of the Krippendorff (2011) example', () => {
    const report = computeCoefficients(kripp2011);
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const interval = bootstrapAlpha(kripp2011, level, { samples: 5000, seed: 1 })!;
      const alpha = report[`alpha_${level}`]!;
      expect(interval.low, level).toBeLessThan(alpha);
      expect(interval.high, level).toBeGreaterThan(alpha);
      expect(interval.low).toBeGreaterThanOrEqual(-1);
      expect(interval.high).toBeLessThanOrEqual(1);
    }
  });

  it('narrows as the confidence level falls', () => {
    const wide = bootstrapAlpha(kripp2011, 'interval', { samples: 4000, seed: 3, confidence: 0.99 })!;
    const narrow = bootstrapAlpha(kripp2011, 'interval', { samples: 4000, seed: 3, confidence: 0.8 })!;
    expect(narrow.level).toBe(0.8);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });

  it('draws pairs whose mean disagreement is the observed one, so replicates centre on α', () => {
    const data = randomRatings(11, { units: 200, coders: 3, categories: [1, 2, 3, 4], missing: 0.2 });
    const prepared = prepareRatings(data);
    for (const level of ['nominal', 'interval'] as const) {
      const parts = alphaParts(prepared, level);
      if ('reason' in parts) throw new Error(parts.reason);
      const replicates = alphaReplicates(prepared, parts, 4000, 5);
      const mean = replicates.reduce((s, x) => s + x, 0) / replicates.length;
      expect(mean).toBeCloseTo(computeCoefficients(data)[`alpha_${level}`]!, 2);
    }
  });

  it('gives [1, 1] under perfect agreement with variation', () => {
    const data = randomRatings(2, { units: 50, coders: 3, categories: ['a', 'b', 'c'], agreement: 1 });
    expect(bootstrapAlpha(data, 'nominal', { samples: 1000, seed: 1 })).toEqual({ low: 1, high: 1, level: 0.95, samples: 1000, seed: 1 });
  });

  it('is null when α is undefined', () => {
    expect(bootstrapAlpha({ units: ['u'], coders: ['a', 'b'], values: [['x', 'x']] }, 'nominal', { samples: 100, seed: 1 })).toBeNull();
    expect(bootstrapAlpha({ units: ['u', 'v'], coders: ['a', 'b'], values: [['x', 'x'], ['y', 'y']] }, 'interval', { samples: 100, seed: 1 })).toBeNull();
  });

  it('rejects settings that cannot give a reproducible interval', () => {
    expect(() => bootstrapAlpha(kripp2011, 'nominal', { samples: 0, seed: 1 })).toThrow(RangeError);
    expect(() => bootstrapAlpha(kripp2011, 'nominal', { samples: 10, seed: 1.5 })).toThrow(RangeError);
    expect(() => bootstrapAlpha(kripp2011, 'nominal', { samples: 10, seed: 2 ** 32 })).toThrow(RangeError);
    expect(() => bootstrapAlpha(kripp2011, 'nominal', { samples: 10, seed: 1, confidence: 1 })).toThrow(RangeError);
  });
});
