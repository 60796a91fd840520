/**
 * Reliability data as dense integer category indices, so every coefficient runs over typed arrays
 * and compares integers instead of hashing values per pair.
 */
import type { RatingValue, ReliabilityData } from './reliability-data';

export const MISSING = -1;

// undefined only reaches here from untyped callers (a hole in a row); it is missing too.
const isMissing = (value: RatingValue | null | undefined): value is null | undefined => value === null || value === undefined;

export interface EncodedRatings {
  nUnits: number;
  nCoders: number;
  /** codes[unit * nCoders + coder]: an index into categories, or MISSING (as narrow as codeArray makes it). */
  codes: CodeArray;
  /** The distinct values; in ascending order when all are numbers (the ordinal metric needs it). */
  categories: RatingValue[];
  /** The categories as numbers when every one is a finite number, else null (metric α is undefined). */
  numeric: Float64Array | null;
}

export type CodeArray = Int8Array | Int16Array | Int32Array;

/**
 * Room for `length` codes below `categories` and MISSING, in the narrowest signed type: a byte a
 * cell for up to 127 categories (most reliability data), so a million units × coders touch a
 * quarter of the memory.
 */
export function codeArray(length: number, categories: number): CodeArray {
  if (categories <= 0x7f) return new Int8Array(length);
  if (categories <= 0x7fff) return new Int16Array(length);
  return new Int32Array(length);
}

/**
 * Values are categories by identity: 1 and "1" differ (CSV input never mixes them). A row that does
 * not match coders.length is a programming error, not missing data, so it throws.
 */
export function encodeRatings(data: ReliabilityData): EncodedRatings {
  const nUnits = data.units.length;
  const nCoders = data.coders.length;
  if (data.values.length !== nUnits) throw new RangeError(`values has ${data.values.length} rows for ${nUnits} units`);
  let present = 0;
  let allNumeric = true;
  data.values.forEach((row, u) => {
    if (row.length !== nCoders) throw new RangeError(`values[${u}] has ${row.length} cells for ${nCoders} coders`);
    for (const value of row) {
      if (isMissing(value)) continue;
      present++;
      if (typeof value !== 'number' || !Number.isFinite(value)) allNumeric = false;
    }
  });
  return allNumeric ? encodeNumbers(data, nCoders, present) : encodeByIdentity(data, nCoders);
}

// Up to this many distinct numbers a hash lookup is fastest; past it (continuous data, every value
// distinct) hashing millions of doubles is slower than sorting them once and binary-searching.
const FEW_VALUES = 1 << 16;

function encodeNumbers(data: ReliabilityData, nCoders: number, present: number): EncodedRatings {
  const numeric = fewDistinct(data, FEW_VALUES) ?? distinctBySorting(data, present);
  const q = numeric.length;
  // Map keys compare by SameValueZero, so −0 finds 0, as it is the same value.
  const rank = q <= FEW_VALUES ? new Map(Array.from(numeric, (v, i) => [v, i])) : null;
  const codes = codeArray(data.values.length * nCoders, q).fill(MISSING);
  data.values.forEach((row, u) => {
    for (let c = 0; c < nCoders; c++) {
      const value = row[c] as number | null | undefined;
      if (isMissing(value)) continue;
      if (rank) {
        codes[u * nCoders + c] = rank.get(value)!;
        continue;
      }
      let lo = 0;
      let hi = q - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (numeric[mid]! < value) lo = mid + 1;
        else hi = mid;
      }
      codes[u * nCoders + c] = lo;
    }
  });
  return { nUnits: data.values.length, nCoders, codes, categories: Array.from(numeric), numeric };
}

/** The distinct values in ascending order, or null if there are more than limit. */
function fewDistinct(data: ReliabilityData, limit: number): Float64Array | null {
  const seen = new Set<number>();
  for (const row of data.values) {
    for (const value of row) {
      if (isMissing(value)) continue;
      seen.add(value as number);
      if (seen.size > limit) return null;
    }
  }
  return Float64Array.from(seen).sort();
}

function distinctBySorting(data: ReliabilityData, present: number): Float64Array {
  const sorted = new Float64Array(present);
  let i = 0;
  for (const row of data.values) for (const value of row) if (!isMissing(value)) sorted[i++] = value as number;
  sorted.sort();
  let q = 0;
  for (let j = 0; j < sorted.length; j++) if (q === 0 || sorted[j] !== sorted[q - 1]) sorted[q++] = sorted[j]!;
  return sorted.slice(0, q);
}

function encodeByIdentity(data: ReliabilityData, nCoders: number): EncodedRatings {
  const codes = new Int32Array(data.values.length * nCoders).fill(MISSING);
  const index = new Map<RatingValue, number>();
  const categories: RatingValue[] = [];
  data.values.forEach((row, u) => {
    for (let c = 0; c < nCoders; c++) {
      const value = row[c];
      if (isMissing(value)) continue;
      let code = index.get(value);
      if (code === undefined) {
        code = categories.length;
        index.set(value, code);
        categories.push(value);
      }
      codes[u * nCoders + c] = code;
    }
  });
  // The categories are known only now: the codes narrowed to them.
  const narrow = codeArray(codes.length, categories.length);
  return { nUnits: data.values.length, nCoders, codes: narrow instanceof Int32Array ? codes : (narrow.set(codes), narrow), categories, numeric: null };
}
