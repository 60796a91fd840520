/**
 * Per-unit category counts (n_uc in Krippendorff's notation, r_ik in Gwet's), built in one pass
 * over the dense codes. Every coefficient is a sum over these, so no coefficient walks pairs of
 * coders or pairs of units.
 */
import { codeArray, MISSING, type CodeArray, type EncodedRatings } from './encode-ratings';

/** Counts of values in one unit: at most the number of coders, so a byte each below 256 coders. */
export type CountArray = Uint8Array | Int32Array;

export interface UnitTallies {
  /** m_u: the number of values of each unit. */
  size: CountArray;
  /** The distinct categories of unit u are cats[start[u]] … cats[start[u + 1] - 1], with their counts. */
  start: Int32Array;
  cats: CodeArray;
  counts: CountArray;
  /** n_c: values per category over the pairable units (those with at least two values). */
  pairableTotals: Float64Array;
  /** n: the number of pairable values. */
  nPairableValues: number;
  nPairableUnits: number;
}

export function tallyUnits(encoded: EncodedRatings): UnitTallies {
  const { nUnits, nCoders, codes, categories } = encoded;
  const q = categories.length;
  // As narrow as the codes and the coder count allow: on a million units the fresh memory is most of the cost.
  const countArray = (length: number): CountArray => (nCoders <= 0xff ? new Uint8Array(length) : new Int32Array(length));
  const size = countArray(nUnits);
  const start = new Int32Array(nUnits + 1);
  const cats = codeArray(codes.length, q);
  const counts = countArray(codes.length);
  const pairableTotals = new Float64Array(q);
  const scratch = new Int32Array(q);
  const touched = new Int32Array(nCoders);
  let pos = 0;
  let nPairableValues = 0;
  let nPairableUnits = 0;
  for (let u = 0; u < nUnits; u++) {
    start[u] = pos;
    const base = u * nCoders;
    let m = 0;
    let distinct = 0;
    for (let c = 0; c < nCoders; c++) {
      const code = codes[base + c]!;
      if (code === MISSING) continue;
      m++;
      if (scratch[code] === 0) touched[distinct++] = code;
      scratch[code]!++;
    }
    size[u] = m;
    const pairable = m >= 2;
    if (pairable) {
      nPairableUnits++;
      nPairableValues += m;
    }
    for (let i = 0; i < distinct; i++) {
      const code = touched[i]!;
      const count = scratch[code]!;
      cats[pos] = code;
      counts[pos] = count;
      pos++;
      if (pairable) pairableTotals[code]! += count;
      scratch[code] = 0;
    }
  }
  start[nUnits] = pos;
  return { size, start, cats, counts, pairableTotals, nPairableValues, nPairableUnits };
}
