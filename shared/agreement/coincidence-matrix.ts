/**
 * The observed coincidence matrix o_ck (Krippendorff 2011) as its non-zero cells with
 * c ≤ k: o_ck = Σ_u n_uc n_uk / (m_u − 1), o_cc = Σ_u n_uc (n_uc − 1) / (m_u − 1), over pairable units.
 * Stored sparsely because continuous data can have millions of categories but few co-occurring pairs.
 */
import type { UnitTallies } from './unit-tallies';

export interface CoincidenceCells {
  c: Int32Array;
  k: Int32Array;
  /** o_ck, the entry of the (symmetric) matrix; the pair {c, k} carries 2·o_ck of the n coincidences when c ≠ k. */
  o: Float64Array;
}

// A dense q × q accumulator up to 16 MB; past that a Map keyed by c·q + k (exact below 2^53).
const DENSE_LIMIT = 1 << 21;

export function coincidenceCells({ size, start, cats, counts }: UnitTallies, q: number): CoincidenceCells {
  const dense = q * q <= DENSE_LIMIT ? new Float64Array(q * q) : null;
  const sparse = dense ? null : new Map<number, number>();
  for (let u = 0; u < size.length; u++) {
    const m = size[u]!;
    if (m < 2) continue;
    const from = start[u]!;
    const to = start[u + 1]!;
    for (let i = from; i < to; i++) {
      for (let j = i; j < to; j++) {
        const a = cats[i]!;
        const b = cats[j]!;
        const key = a <= b ? a * q + b : b * q + a;
        const weight = (i === j ? counts[i]! * (counts[i]! - 1) : counts[i]! * counts[j]!) / (m - 1);
        if (weight === 0) continue;
        if (dense) dense[key]! += weight;
        else sparse!.set(key, (sparse!.get(key) ?? 0) + weight);
      }
    }
  }
  const keys: number[] = [];
  const weights: number[] = [];
  if (dense) {
    dense.forEach((w, key) => {
      if (w > 0) {
        keys.push(key);
        weights.push(w);
      }
    });
  } else {
    for (const key of [...sparse!.keys()].sort((a, b) => a - b)) {
      keys.push(key);
      weights.push(sparse!.get(key)!);
    }
  }
  return {
    c: Int32Array.from(keys, (key) => Math.floor(key / q)),
    k: Int32Array.from(keys, (key) => key % q),
    o: Float64Array.from(weights),
  };
}
