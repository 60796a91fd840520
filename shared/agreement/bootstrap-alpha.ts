/**
 * Bootstrapped confidence interval for Krippendorff's α as in Hayes & Krippendorff (2007) and their
 * KALPHA macro (v3.0), following Krippendorff's "Algorithm for bootstrapping a distribution of α"
 * (2006, rev. 2011). What is resampled, precisely:
 *
 * - Not units or coders, but coincidences: pairs of pairable values. Each replicate draws M pairs with
 *   replacement from the observed coincidence matrix, the pair {c, k} with probability o_cc/n when
 *   c = k and 2·o_ck/n when c ≠ k (each unit's m_u(m_u − 1) ordered pairs weighted 1/(m_u − 1)).
 * - M = min(25·Q, ⌊(m − 1)·n/2⌋): Q non-zero cells of the full matrix, m coders, n pairable values.
 * - The expected disagreement De stays that of the data; α* = 1 − (Σ drawn δ²)/(M·De), floored at −1.
 * - As in the macro, α* = 1 from a matrix with a single non-zero diagonal cell counts as 0, and up to
 *   round(samples·Σ_c (o_cc/n)^M) replicates of α* = 1 (those expected to lack all variation) become 0;
 *   the exponent is the number of draws M (KALPHA 3.0 uses the number of pairable pairs there).
 * - The interval is the macro's percentile interval: with the replicates sorted ascending and numbered
 *   from 1, low is number ⌊t·samples⌋ (at least 1) and high number ⌊(1 − t)·samples⌋ + 1, t = (1 − level)/2.
 */
import type { AlphaLevel } from './alpha-metric';
import { delta2 } from './alpha-metric';
import { coincidenceCells } from './coincidence-matrix';
import { alphaParts, type AlphaParts } from './krippendorff-alpha';
import { prepareRatings, type PreparedRatings } from './prepared-ratings';
import type { BootstrapInterval, ReliabilityData } from './reliability-data';
import { mulberry32 } from './seeded-random';

export interface BootstrapOptions {
  /** Number of replicates. */
  samples: number;
  /** Any integer in [0, 2³²): the same seed gives the same interval. */
  seed: number;
  /** Coverage of the interval, default 0.95. */
  confidence?: number;
}

/** The interval, or null when α itself is undefined for these data. */
export function bootstrapAlpha(data: ReliabilityData, level: AlphaLevel, options: BootstrapOptions): BootstrapInterval | null {
  const { samples, seed, confidence = 0.95 } = options;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a positive integer (got ${samples})`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to 4294967295 (got ${seed})`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1 (got ${confidence})`);
  const prepared = prepareRatings(data);
  const parts = alphaParts(prepared, level);
  if ('reason' in parts) return null;

  const replicates = alphaReplicates(prepared, parts, samples, seed).sort();
  const tail = (1 - confidence) / 2;
  const low = Math.max(1, floorTolerant(tail * samples));
  const high = Math.min(samples, floorTolerant((1 - tail) * samples) + 1);
  return { low: replicates[low - 1]!, high: replicates[high - 1]!, level: confidence, samples, seed };
}

/** The bootstrap distribution of α, unsorted, in draw order. */
export function alphaReplicates(prepared: PreparedRatings, parts: AlphaParts, samples: number, seed: number): Float64Array {
  const { encoded, tallies } = prepared;
  const cells = coincidenceCells(tallies, encoded.categories.length);
  const { n, metric } = parts;
  const cumulative = new Float64Array(cells.o.length);
  const deltas = new Float64Array(cells.o.length);
  let running = 0;
  let nonZeroCells = 0;
  let diagonalCells = 0;
  const diagonalShares: number[] = [];
  for (let i = 0; i < cells.o.length; i++) {
    const c = cells.c[i]!;
    const k = cells.k[i]!;
    const onDiagonal = c === k;
    running += ((onDiagonal ? 1 : 2) * cells.o[i]!) / n;
    cumulative[i] = running;
    deltas[i] = delta2(metric, c, k);
    nonZeroCells += onDiagonal ? 1 : 2;
    if (onDiagonal) {
      diagonalCells++;
      diagonalShares.push(cells.o[i]! / n);
    }
  }
  const draws = Math.min(25 * nonZeroCells, Math.floor(((encoded.nCoders - 1) * n) / 2));
  const expectedPerPair = parts.expected / (n * (n - 1));
  const random = mulberry32(seed);
  const last = cumulative.length - 1;

  const replicates = new Float64Array(samples);
  let ones = 0;
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let d = 0; d < draws; d++) {
      const r = random();
      // First cell whose cumulative share exceeds r; rounding can leave the total just under 1.
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      sum += deltas[lo]!;
    }
    let alpha = Math.max(-1, 1 - sum / (draws * expectedPerPair));
    if (alpha === 1 && diagonalCells === 1) alpha = 0;
    else if (alpha === 1) ones++;
    replicates[s] = alpha;
  }

  const lackingVariation = Math.round(samples * diagonalShares.reduce((acc, p) => acc + p ** draws, 0));
  let toZero = diagonalCells > 1 ? Math.min(lackingVariation, ones) : 0;
  for (let s = 0; s < samples && toZero > 0; s++) {
    if (replicates[s] === 1) {
      replicates[s] = 0;
      toZero--;
    }
  }
  return replicates;
}

// tail·samples is an integer more often than not (0.025·1000) but can evaluate to 974.999…; a
// tolerance far below one replicate keeps the macro's index.
function floorTolerant(x: number): number {
  return Math.floor(x + 1e-7);
}
