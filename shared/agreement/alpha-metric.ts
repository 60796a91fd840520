/**
 * Krippendorff's difference functions δ²(c, k) (Krippendorff 2011, sections D–F), evaluated over the
 * category set. Ordinal differences are (Σ_{g=c..k} n_g − (n_c + n_k)/2)², which is the squared
 * difference of the categories' midranks M_c = Σ_{g<c} n_g + n_c/2; so ordinal and interval share
 * one form over "positions": midranks for ordinal, the values themselves for interval and ratio.
 */
import type { EncodedRatings } from './encode-ratings';

export const ALPHA_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type AlphaLevel = (typeof ALPHA_LEVELS)[number];

export interface AlphaMetric {
  kind: 'nominal' | 'squared' | 'ratio';
  /** Per category: its position on the scale (unused for nominal). */
  positions: Float64Array;
}

/** The metric for a level, or why that level is undefined for these values. */
export function alphaMetric(level: AlphaLevel, encoded: EncodedRatings, pairableTotals: Float64Array): AlphaMetric | { reason: string } {
  if (level === 'nominal') return { kind: 'nominal', positions: new Float64Array(0) };
  const values = encoded.numeric;
  if (!values) return { reason: `${level} α needs every value to be a number` };
  if (level === 'interval') return { kind: 'squared', positions: values };
  if (level === 'ratio') {
    // δ = (c − k)/(c + k) is only a ratio-scale difference for values ≥ 0 (and c + k = 0 only if c = k = 0).
    if (values.length > 0 && values[0]! < 0) return { reason: 'ratio α needs values that are not negative' };
    return { kind: 'ratio', positions: values };
  }
  const midranks = new Float64Array(values.length);
  let below = 0;
  for (let c = 0; c < values.length; c++) {
    const n = pairableTotals[c]!;
    midranks[c] = below + n / 2;
    below += n;
  }
  return { kind: 'squared', positions: midranks };
}

/** δ²(c, k); 0 when c = k. */
export function delta2(metric: AlphaMetric, c: number, k: number): number {
  if (c === k) return 0;
  if (metric.kind === 'nominal') return 1;
  const a = metric.positions[c]!;
  const b = metric.positions[k]!;
  const d = metric.kind === 'squared' ? a - b : (a - b) / (a + b);
  return d * d;
}
