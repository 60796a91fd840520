/**
 * Krippendorff's α with missing data (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
 * α = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck, over pairable values only (units with ≥ 2).
 *
 * The numerator is summed unit by unit over each unit's distinct categories,
 * Σ_ck o_ck δ²_ck = Σ_u Σ_{c≠k in u} n_uc n_uk δ²_ck / (m_u − 1), which is the coincidence matrix
 * weighted by δ² without storing a q × q matrix (q can be millions for continuous interval data).
 * The denominator uses the marginals n_c only: in closed form for nominal, ordinal and interval,
 * by a pass over pairs of categories for ratio.
 */
import { alphaMetric, delta2, type AlphaLevel, type AlphaMetric } from './alpha-metric';
import { defined, undefinedBecause, type CoefficientResult } from './coefficient-result';
import type { PreparedRatings } from './prepared-ratings';
import type { UnitTallies } from './unit-tallies';

/** Ratio's expected disagreement needs q²/2 divisions; past this many values it would take minutes. */
export const MAX_RATIO_CATEGORIES = 20_000;

export function krippendorffAlpha(prepared: PreparedRatings, level: AlphaLevel): CoefficientResult {
  const parts = alphaParts(prepared, level);
  if ('reason' in parts) return undefinedBecause(parts.reason);
  return defined(1 - (parts.n - 1) * (parts.observed / parts.expected));
}

export interface AlphaParts {
  metric: AlphaMetric;
  /** n: pairable values. */
  n: number;
  /** Σ_ck o_ck δ²_ck */
  observed: number;
  /** Σ_ck n_c n_k δ²_ck (> 0) */
  expected: number;
}

/** The pieces of α, shared with the bootstrap, or why α is undefined. */
export function alphaParts({ encoded, tallies }: PreparedRatings, level: AlphaLevel): AlphaParts | { reason: string } {
  if (tallies.nPairableUnits === 0) return { reason: 'no unit has two or more values' };
  const totals = tallies.pairableTotals;
  let present = 0;
  for (const t of totals) if (t > 0) present++;
  if (present < 2) return { reason: 'no variation: every pairable value is the same' };
  const metric = alphaMetric(level, encoded, totals);
  if ('reason' in metric) return metric;
  if (metric.kind === 'ratio' && present > MAX_RATIO_CATEGORIES) {
    return { reason: `ratio α is limited to ${MAX_RATIO_CATEGORIES} distinct values (there are ${present})` };
  }
  const n = tallies.nPairableValues;
  return { metric, n, observed: observedSum(metric, tallies), expected: expectedSum(metric, totals, n) };
}

function observedSum(metric: AlphaMetric, { size, start, cats, counts }: UnitTallies): number {
  let sum = 0;
  for (let u = 0; u < size.length; u++) {
    const m = size[u]!;
    if (m < 2) continue;
    const from = start[u]!;
    const to = start[u + 1]!;
    let unit = 0;
    for (let i = from; i < to; i++) {
      for (let j = i + 1; j < to; j++) unit += counts[i]! * counts[j]! * delta2(metric, cats[i]!, cats[j]!);
    }
    // Each unordered pair of distinct categories counts in both o_ck and o_kc.
    sum += (2 * unit) / (m - 1);
  }
  return sum;
}

function expectedSum(metric: AlphaMetric, totals: Float64Array, n: number): number {
  if (metric.kind === 'nominal') {
    let squares = 0;
    for (const t of totals) squares += t * t;
    return n * n - squares;
  }
  if (metric.kind === 'squared') {
    // Σ_ck n_c n_k (x_c − x_k)² = 2n Σ_c n_c (x_c − x̄)², centred for accuracy.
    const x = metric.positions;
    let mean = 0;
    for (let c = 0; c < totals.length; c++) mean += totals[c]! * x[c]!;
    mean /= n;
    let spread = 0;
    for (let c = 0; c < totals.length; c++) {
      const d = x[c]! - mean;
      spread += totals[c]! * d * d;
    }
    return 2 * n * spread;
  }
  const present: number[] = [];
  for (let c = 0; c < totals.length; c++) if (totals[c]! > 0) present.push(c);
  let sum = 0;
  for (let i = 0; i < present.length; i++) {
    const c = present[i]!;
    let row = 0;
    for (let j = i + 1; j < present.length; j++) row += totals[present[j]!]! * delta2(metric, c, present[j]!);
    sum += totals[c]! * row;
  }
  return 2 * sum;
}
