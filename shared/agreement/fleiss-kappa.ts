/** Fleiss' κ (Fleiss 1971, eq. 1–9) over the units coded by every coder. */
import { defined, undefinedBecause, type CoefficientResult } from './coefficient-result';
import type { PreparedRatings } from './prepared-ratings';

export function fleissKappa({ encoded, tallies }: PreparedRatings): CoefficientResult {
  const m = encoded.nCoders;
  if (m < 2) return undefinedBecause('fewer than two coders');
  const { size, start, cats, counts } = tallies;
  const totals = new Float64Array(encoded.categories.length);
  let units = 0;
  let squares = 0;
  for (let u = 0; u < size.length; u++) {
    if (size[u] !== m) continue;
    units++;
    for (let i = start[u]!; i < start[u + 1]!; i++) {
      const n = counts[i]!;
      squares += n * n;
      totals[cats[i]!]! += n;
    }
  }
  if (units === 0) return undefinedBecause('no unit is coded by every coder');
  // With S = N·m ratings: P̄ = (Σn_ij² − S)/(S(m − 1)), P̄e = Σ_j T_j²/S². Multiplying κ through by
  // S²(m − 1) keeps both terms integers, exact up to 2^53.
  const s = units * m;
  let chance = 0;
  for (const t of totals) chance += t * t;
  const denominator = (s * s - chance) * (m - 1);
  if (denominator === 0) return undefinedBecause('no variation: every value is the same');
  return defined((s * (squares - s) - chance * (m - 1)) / denominator);
}
