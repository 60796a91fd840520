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

/**
 * Data whose encoding is already known (the fast CSV reader builds the codes as it reads): the
 * coefficients then never walk `values`, which the reader may build only when asked. `encoded` must
 * be what encodeRatings(data) gives (units-csv-fast.test.ts checks that).
 */
export function rememberEncoding(data: ReliabilityData, encoded: EncodedRatings): void {
  cache.set(data, { encoded, tallies: tallyUnits(encoded) });
}

export function prepareRatings(data: ReliabilityData): PreparedRatings {
  let prepared = cache.get(data);
  if (!prepared) {
    const encoded = encodeRatings(data);
    prepared = { encoded, tallies: tallyUnits(encoded) };
    cache.set(data, prepared);
  }
  return prepared;
}
