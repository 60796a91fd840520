/**
 * Reliability data as dense integer category indices, so every coefficient runs over typed arrays
 * and compares integers instead of hashing values per pair.
 */
import type { RatingValue, ReliabilityData } from './reliability-data';

export const MISSING = -1;

export interface EncodedRatings {
  nUnits: number;
  nCoders: number;
  /** codes[unit * nCoders + coder]: an index into categories, or MISSING. */
  codes: Int32Array;
  /** The distinct values; in ascending order when all are numbers (the ordinal metric needs it). */
  categories: RatingValue[];
  /** The categories as numbers when every one is a finite number, else null (metric α is undefined). */
  numeric: Float64Array | null;
}

/**
 * Values are categories by identity: 1 and "1" differ (CSV input never mixes them). A row shorter
 * than coders.length is a programming error, not missing data, so it throws.
 */
export function encodeRatings(data: ReliabilityData): EncodedRatings {
  const nUnits = data.units.length;
  const nCoders = data.coders.length;
  if (data.values.length !== nUnits) throw new RangeError(`values has ${data.values.length} rows for ${nUnits} units`);
  const codes = new Int32Array(nUnits * nCoders);
  const index = new Map<RatingValue, number>();
  const seen: RatingValue[] = [];
  for (let u = 0; u < nUnits; u++) {
    const row = data.values[u]!;
    if (row.length !== nCoders) throw new RangeError(`values[${u}] has ${row.length} cells for ${nCoders} coders`);
    const base = u * nCoders;
    for (let c = 0; c < nCoders; c++) {
      const value = row[c];
      if (value === null || value === undefined) {
        codes[base + c] = MISSING;
        continue;
      }
      let code = index.get(value);
      if (code === undefined) {
        code = seen.length;
        index.set(value, code);
        seen.push(value);
      }
      codes[base + c] = code;
    }
  }
  const allNumeric = seen.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!allNumeric) return { nUnits, nCoders, codes, categories: seen, numeric: null };

  // Renumber so that index order is value order.
  const order = seen.map((_, i) => i).sort((a, b) => (seen[a] as number) - (seen[b] as number));
  const remap = new Int32Array(order.length);
  order.forEach((old, rank) => (remap[old] = rank));
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code !== MISSING) codes[i] = remap[code]!;
  }
  const categories = order.map((old) => seen[old]!);
  return { nUnits, nCoders, codes, categories, numeric: Float64Array.from(categories as number[]) };
}
