/** Cohen's κ (Cohen 1960): two coders, unweighted, over the units both coded. */
import { defined, undefinedBecause, type CoefficientResult } from './coefficient-result';
import { MISSING } from './encode-ratings';
import type { PreparedRatings } from './prepared-ratings';

export function cohenKappa({ encoded }: PreparedRatings): CoefficientResult {
  const { nUnits, nCoders, codes, categories } = encoded;
  if (nCoders !== 2) return undefinedBecause(`Cohen's κ needs exactly two coders (there are ${nCoders})`);
  const first = new Float64Array(categories.length);
  const second = new Float64Array(categories.length);
  let n = 0;
  let agree = 0;
  for (let u = 0; u < nUnits; u++) {
    const a = codes[2 * u]!;
    const b = codes[2 * u + 1]!;
    if (a === MISSING || b === MISSING) continue;
    n++;
    if (a === b) agree++;
    first[a]!++;
    second[b]!++;
  }
  if (n === 0) return undefinedBecause('no unit is coded by both coders');
  // κ = (p_o − p_e)/(1 − p_e) multiplied through by n², so it stays in integers up to one division.
  let chance = 0;
  for (let k = 0; k < categories.length; k++) chance += first[k]! * second[k]!;
  const denominator = n * n - chance;
  if (denominator === 0) return undefinedBecause('no variation: both coders used the same single value');
  return defined((n * agree - chance) / denominator);
}
