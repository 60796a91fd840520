/**
 * Brennan & Prediger (1981) and Gwet's AC1 (Gwet 2008) with missing data as Gwet defines them:
 * pa = mean over units with ≥ 2 ratings of Σ_k r_ik(r_ik − 1)/(r_i(r_i − 1));
 * π_k = mean over units with ≥ 1 rating of r_ik/r_i; q = the categories observed;
 * pe = 1/q (BP) or Σ_k π_k(1 − π_k)/(q − 1) (AC1); coefficient = (pa − pe)/(1 − pe).
 * Both keep chance agreement bounded by 1/q, so they do not collapse under skewed prevalence.
 */
import { defined, undefinedBecause, type CoefficientResult } from './coefficient-result';
import { pairwiseAgreement } from './percent-agreement';
import type { PreparedRatings } from './prepared-ratings';

export interface ChanceCorrected {
  brennanPrediger: CoefficientResult;
  gwetAc1: CoefficientResult;
}

export function chanceCorrectedAgreement(prepared: PreparedRatings): ChanceCorrected {
  const { encoded, tallies } = prepared;
  const q = encoded.categories.length;
  if (q < 2) {
    const reason = undefinedBecause(q === 0 ? 'no values' : 'fewer than two categories observed');
    return { brennanPrediger: reason, gwetAc1: reason };
  }
  const pa = pairwiseAgreement(prepared);
  if (!('value' in pa)) return { brennanPrediger: pa, gwetAc1: pa };

  const { size, start, cats, counts } = tallies;
  const share = new Float64Array(q);
  let rated = 0;
  for (let u = 0; u < size.length; u++) {
    const m = size[u]!;
    if (m === 0) continue;
    rated++;
    for (let i = start[u]!; i < start[u + 1]!; i++) share[cats[i]!]! += counts[i]! / m;
  }
  let spread = 0;
  for (const s of share) {
    const pi = s / rated;
    spread += pi * (1 - pi);
  }
  const chanceBp = 1 / q;
  const chanceAc1 = spread / (q - 1);
  return {
    brennanPrediger: defined((pa.value - chanceBp) / (1 - chanceBp)),
    gwetAc1: defined((pa.value - chanceAc1) / (1 - chanceAc1)),
  };
}
