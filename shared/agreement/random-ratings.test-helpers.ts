import type { RatingValue, ReliabilityData } from './reliability-data';
import { mulberry32 } from './seeded-random';

export interface RandomRatingsOptions {
  units: number;
  coders: number;
  /** The values coders choose from. */
  categories: readonly RatingValue[];
  /** Probability that a cell is missing. */
  missing?: number;
  /** Probability that a coder gives the unit's "true" value rather than a random one. */
  agreement?: number;
}

/** Seeded reliability data: the same seed gives the same data, so a failing property is reproducible. */
export function randomRatings(seed: number, options: RandomRatingsOptions): ReliabilityData {
  const random = mulberry32(seed);
  const { units, coders, categories, missing = 0, agreement = 0.6 } = options;
  const pick = () => categories[Math.floor(random() * categories.length)]!;
  const values = Array.from({ length: units }, () => {
    const truth = pick();
    return Array.from({ length: coders }, () => (random() < missing ? null : random() < agreement ? truth : pick()));
  });
  return {
    units: Array.from({ length: units }, (_, u) => `u${u + 1}`),
    coders: Array.from({ length: coders }, (_, c) => `c${c + 1}`),
    values,
  };
}

/** The same data with units and coders reordered by the given permutations. */
export function permute(data: ReliabilityData, unitOrder: readonly number[], coderOrder: readonly number[]): ReliabilityData {
  return {
    units: unitOrder.map((u) => data.units[u]!),
    coders: coderOrder.map((c) => data.coders[c]!),
    values: unitOrder.map((u) => coderOrder.map((c) => data.values[u]![c]!)),
  };
}

/** A seeded Fisher–Yates shuffle of 0 … n − 1. */
export function shuffled(n: number, seed: number): number[] {
  const random = mulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
