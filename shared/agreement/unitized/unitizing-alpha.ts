/**
 * Krippendorff's unitizing alphas, from lengths of intersecting sections only
 * (Krippendorff, Mathet, Bouvry & Widlöcher 2016, "On the reliability of unitizing textual
 * continua: Further developments", Quality & Quantity 50; Krippendorff 2019, Content Analysis,
 * 4th ed., §12.6).
 *
 * Each of m coders partitions a continuum of length L into sections: units carrying a value c and
 * gaps (∅) between them. Write |S_ig| for the length of coder i's section g.
 *
 * Observed coincidences: l_ck = 1/(m−1) · Σ_i Σ_{j≠i} Σ_g Σ_h |S_ig(c) ∩ S_jh(k)|, the length over
 * which one coder's c meets another coder's k, every ordered pair of coders counted. Since each
 * coder's sections cover the continuum, the margins are l_c· = Σ_i Σ_{g valued c} |S_ig| (what the
 * coders assigned to c) and l_·· = mL. Only unit-with-unit intersections are computed; the
 * unit/gap and gap/gap cells follow from the margins.
 *
 * Expected coincidences: as in α, pairing values at random except that a section cannot pair
 * with itself. A unit is one judgement over all its |S|² position pairs, a gap is |S| independent
 * positions (it has no structure), so with S_c = Σ_{g valued c} |S_g|² and S_∅ = total gap length
 *   e_ck = l_·· · (l_c· l_·k − [c = k] · S_c) / (l_··² − Σ_c S_c − S_∅).
 *
 * uα (nominal) = 1 − D_o/D_e with D_o the off-diagonal mass of l and D_e that of e; the latter is
 * l_·· (l_··² − Σ_c l_c·²) / (l_··² − S), taken directly to avoid subtracting near-equal numbers.
 *
 * |uα: the same matrices collapsed to ∅ versus "any value" (units keep their boundaries, so the
 * correction terms stay): D_o = l_∅v, D_e = e_∅v = l_·· l_∅· (l_·· − l_∅·) / (l_··² − S).
 *
 * cuα: agreement on the values where coded units meet, gaps left out. The observed matrix is the
 * unit-with-unit block l*_ck of l. A unit's pairable length λ_ig = 1/(m−1) · Σ_{j≠i} |S_ig ∩ units
 * of j| takes the place of its length (for uα it would be |S_ig| itself, since others' sections
 * cover everything), so l*_c· = Σ λ_ig, P_c = Σ λ_ig² and
 *   e*_ck = l*_·· (l*_c· l*_·k − [c = k] · P_c) / (l*_··² − Σ_c P_c).
 * With m = 2 this is simply the squared intersection; with three coders of Fig. 12.11 the mean
 * over other coders reproduces the book's .724, while summing squares per coder pair gives .726.
 */
import type { Continuum } from './continuum';

export type UnitizingCoefficient = 'u_alpha' | 'u_alpha_binary' | 'cu_alpha';

export interface UnitizingAlphas {
  u_alpha: number | null;
  u_alpha_binary: number | null;
  cu_alpha: number | null;
  /** Why a coefficient is null; empty when all three are defined. */
  undefined: Partial<Record<UnitizingCoefficient, string>>;
}

/** The sums the coefficients are made of, exposed so tests can check them against hand counts. */
export interface UnitizingSums {
  /** Number of coders m and continuum length L. */
  coders: number;
  length: number;
  /** V×V unit-with-unit observed coincidences l_ck (row-major), already divided by m − 1. */
  observed: Float64Array;
  /** l_c· per value, l_∅· for the gaps, l_∅∅. */
  valueMargins: Float64Array;
  gapMargin: number;
  gapGap: number;
  /** Σ |S|² per value. */
  squaredLengths: Float64Array;
  /** Per value: Σ λ and Σ λ² over its units (cuα margins and correction). */
  pairable: Float64Array;
  pairableSquared: Float64Array;
}

export function unitizingSums(continuum: Continuum, valueCount: number): UnitizingSums {
  const m = continuum.units.length;
  const V = valueCount;
  const both = new Float64Array(V * V);
  const pairedLength = continuum.units.map((units) => new Float64Array(units.length));
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      intersect(continuum.units[i]!, continuum.units[j]!, pairedLength[i]!, pairedLength[j]!, both, V);
    }
  }
  const pairs = m - 1;
  const observed = both.map((x) => x / pairs);
  const valueMargins = new Float64Array(V);
  const squaredLengths = new Float64Array(V);
  const pairable = new Float64Array(V);
  const pairableSquared = new Float64Array(V);
  continuum.units.forEach((units, i) => {
    units.forEach((u, g) => {
      const len = u.end - u.start;
      valueMargins[u.value]! += len;
      squaredLengths[u.value]! += len * len;
      const lambda = pairedLength[i]![g]! / pairs;
      pairable[u.value]! += lambda;
      pairableSquared[u.value]! += lambda * lambda;
    });
  });
  let valued = 0;
  let unitWithUnit = 0;
  for (let c = 0; c < V; c++) valued += valueMargins[c]!;
  for (const x of observed) unitWithUnit += x;
  const gapMargin = m * continuum.length - valued;
  // l_∅∅ = l_∅· − Σ_c l_∅c, and Σ_c l_∅c = Σ_c l_c∅ = (valued margin) − (unit-with-unit mass).
  const gapGap = gapMargin - (valued - unitWithUnit);
  return {
    coders: m,
    length: continuum.length,
    observed,
    valueMargins,
    gapMargin,
    gapGap,
    squaredLengths,
    pairable,
    pairableSquared,
  };
}

export function unitizingAlphas(continuum: Continuum, valueCount: number): UnitizingAlphas {
  if (continuum.units.length < 2) {
    const reason = 'unitizing needs at least two coders';
    return { u_alpha: null, u_alpha_binary: null, cu_alpha: null, undefined: { u_alpha: reason, u_alpha_binary: reason, cu_alpha: reason } };
  }
  if (continuum.length === 0) {
    const reason = 'no characters to compare (no post rated by every coder)';
    return { u_alpha: null, u_alpha_binary: null, cu_alpha: null, undefined: { u_alpha: reason, u_alpha_binary: reason, cu_alpha: reason } };
  }
  const sums = unitizingSums(continuum, valueCount);
  const out: UnitizingAlphas = { u_alpha: null, u_alpha_binary: null, cu_alpha: null, undefined: {} };
  assign(out, 'u_alpha', uAlpha(sums));
  assign(out, 'u_alpha_binary', binaryUAlpha(sums));
  assign(out, 'cu_alpha', cuAlpha(sums));
  return out;
}

type Value = number | string;

function uAlpha(s: UnitizingSums): Value {
  const V = s.valueMargins.length;
  const total = s.coders * s.length;
  let agreeing = s.gapGap;
  let squaredMargins = s.gapMargin * s.gapMargin;
  let selfPairs = s.gapMargin;
  for (let c = 0; c < V; c++) {
    agreeing += s.observed[c * V + c]!;
    squaredMargins += s.valueMargins[c]! * s.valueMargins[c]!;
    selfPairs += s.squaredLengths[c]!;
  }
  const observed = total - agreeing;
  const expected = (total * (total * total - squaredMargins)) / (total * total - selfPairs);
  if (!(expected > 0)) {
    return s.gapMargin === total ? 'no coder coded anything in the compared posts' : 'every section carries the same value: no expected disagreement';
  }
  return 1 - observed / expected;
}

function binaryUAlpha(s: UnitizingSums): Value {
  const total = s.coders * s.length;
  const valued = total - s.gapMargin;
  if (valued === 0) return 'no coder coded anything in the compared posts';
  if (s.gapMargin === 0) return 'every coder coded the whole continuum: there are no gaps to tell units from';
  let selfPairs = s.gapMargin;
  for (const x of s.squaredLengths) selfPairs += x;
  const observed = s.gapMargin - s.gapGap;
  const expected = (total * s.gapMargin * valued) / (total * total - selfPairs);
  return 1 - observed / expected;
}

function cuAlpha(s: UnitizingSums): Value {
  const V = s.valueMargins.length;
  let total = 0;
  let agreeing = 0;
  let squaredMargins = 0;
  let selfPairs = 0;
  for (let c = 0; c < V; c++) {
    total += s.pairable[c]!;
    agreeing += s.observed[c * V + c]!;
    squaredMargins += s.pairable[c]! * s.pairable[c]!;
    selfPairs += s.pairableSquared[c]!;
  }
  if (total === 0) return 'no coded units of different coders intersect';
  const observed = total - agreeing;
  const expected = (total * (total * total - squaredMargins)) / (total * total - selfPairs);
  if (!(expected > 0)) return 'the intersecting units all carry one value: no expected disagreement';
  return 1 - observed / expected;
}

function assign(out: UnitizingAlphas, key: UnitizingCoefficient, value: Value): void {
  if (typeof value === 'number') out[key] = value;
  else out.undefined[key] = value;
}

/**
 * Adds the unit-with-unit intersections of two coders to `both` (in both orders, so it stays
 * symmetric) and to each unit's paired length. Linear: the unit ending first is passed.
 */
function intersect(
  a: ReadonlyArray<{ start: number; end: number; value: number }>,
  b: ReadonlyArray<{ start: number; end: number; value: number }>,
  pairedA: Float64Array,
  pairedB: Float64Array,
  both: Float64Array,
  V: number,
): void {
  let p = 0;
  let q = 0;
  while (p < a.length && q < b.length) {
    const x = a[p]!;
    const y = b[q]!;
    const lo = x.start > y.start ? x.start : y.start;
    const hi = x.end < y.end ? x.end : y.end;
    if (hi > lo) {
      const d = hi - lo;
      both[x.value * V + y.value]! += d;
      both[y.value * V + x.value]! += d;
      pairedA[p]! += d;
      pairedB[q]! += d;
    }
    if (x.end <= y.end) p++;
    else q++;
  }
}
