/** Raw agreement: no chance correction, reported because readers expect it next to κ and α. */
import { defined, undefinedBecause, type CoefficientResult } from './coefficient-result';
import type { PreparedRatings } from './prepared-ratings';

/** The share of units coded by every coder on which all coders gave the same value. */
export function percentAgreement({ encoded, tallies }: PreparedRatings): CoefficientResult {
  if (encoded.nCoders < 2) return undefinedBecause('fewer than two coders');
  let complete = 0;
  let unanimous = 0;
  for (let u = 0; u < encoded.nUnits; u++) {
    if (tallies.size[u] !== encoded.nCoders) continue;
    complete++;
    if (tallies.start[u + 1]! - tallies.start[u]! === 1) unanimous++;
  }
  if (complete === 0) return undefinedBecause('no unit is coded by every coder');
  return defined(unanimous / complete);
}

/**
 * Over the units with at least two values, the mean share of agreeing coder pairs,
 * Σ_c n_uc(n_uc − 1) / (m_u(m_u − 1)). This is also Gwet's pa with missing data.
 */
export function pairwiseAgreement({ tallies }: PreparedRatings): CoefficientResult {
  if (tallies.nPairableUnits === 0) return undefinedBecause('no unit has two or more values');
  const { size, start, counts } = tallies;
  let sum = 0;
  for (let u = 0; u < size.length; u++) {
    const m = size[u]!;
    if (m < 2) continue;
    let agreeing = 0;
    for (let i = start[u]!; i < start[u + 1]!; i++) {
      const n = counts[i]!;
      agreeing += n * (n - 1);
    }
    sum += agreeing / (m * (m - 1));
  }
  return defined(sum / tallies.nPairableUnits);
}
