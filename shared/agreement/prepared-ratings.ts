/**
 * Encoding and tallying, done once per data object: computeCoefficients and the bootstrap of each α
 * level reuse them instead of re-reading a million units four times.
 */
import { encodeRatings, type EncodedRatings } from './encode-ratings';
import type { ReliabilityData } from './reliability-data';
import { tallyUnits, type UnitTallies } from './unit-tallies';

export interface PreparedRatings {
  encoded: EncodedRatings;
  tallies: UnitTallies;
}

// Keyed by identity; ReliabilityData is read-only by contract, so a cached entry cannot go stale.
const cache = new WeakMap<ReliabilityData, PreparedRatings>();

export function prepareRatings(data: ReliabilityData): PreparedRatings {
  let prepared = cache.get(data);
  if (!prepared) {
    const encoded = encodeRatings(data);
    prepared = { encoded, tallies: tallyUnits(encoded) };
    cache.set(data, prepared);
  }
  return prepared;
}
