/**
 * The character as unit, as NVivo's coding comparison does it: for one code and two coders every
 * character of a compared post is a unit, coded by both, by one only, or by neither. The 2×2 table
 * comes from interval overlaps (|A|, |B|, |A ∩ B| per post), never from per-character arrays.
 *
 * Percent agreement = (both + neither) / n. Cohen's κ = (p_o − p_e) / (1 − p_e) with
 * p_e = (|A|·|B| + (n − |A|)(n − |B|)) / n², which is NVivo's documented
 * K = (TA − Σ EF) / (TU − Σ EF) with EF the expected frequencies of the two agreeing cells.
 * Both are computed as ratios of integers so a 30-million-character corpus stays exact.
 */
import { type AgreementInput, type CodingLayers, codingLayers, intervalsIn, isRatedBy, layerOf } from './coding-layers';
import { intersectionLength, totalLength } from './intervals';

/** Character counts of the 2×2 table (A is the first coder of the pair). */
export interface CharTable {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface CharAgreement {
  kappa: number | null;
  percent_agreement: number | null;
  n_chars: number;
  /** Why a value is null; empty when both are defined. */
  undefined: Partial<Record<'kappa' | 'percent_agreement', string>>;
}

export interface PostCharAgreement {
  postId: string;
  table: CharTable;
  agreement: CharAgreement;
}

export interface CharComparison {
  /** One table summed over every compared post: each character weighs the same. */
  pooled: CharAgreement;
  table: CharTable;
  /** Per post, in input order; only filled when asked for (100,000 posts make 100,000 rows). */
  posts: PostCharAgreement[];
}

const EMPTY_TABLE: CharTable = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };

/** κ and percent agreement of one 2×2 table. */
export function charAgreement(table: CharTable): CharAgreement {
  const n = table.both + table.onlyA + table.onlyB + table.neither;
  if (n === 0) {
    const reason = 'no characters were compared';
    return { kappa: null, percent_agreement: null, n_chars: 0, undefined: { kappa: reason, percent_agreement: reason } };
  }
  const agree = table.both + table.neither;
  const a = table.both + table.onlyA;
  const b = table.both + table.onlyB;
  // n² times the chance agreement p_e; integer products stay exact below 2^53 (n up to ~9·10^7).
  const expected = a * b + (n - a) * (n - b);
  const percent = agree / n;
  if (expected === n * n) {
    // p_e = 1: both coded nothing (or everything), so κ is 0/0. NVivo prints 1 here; a value that
    // cannot be computed is null with its reason instead.
    const reason = a === 0 ? 'neither coder applied the code to these characters' : 'both coders coded every character';
    return { kappa: null, percent_agreement: percent, n_chars: n, undefined: { kappa: reason } };
  }
  return { kappa: (n * agree - expected) / (n * n - expected), percent_agreement: percent, n_chars: n, undefined: {} };
}

/**
 * One code, one pair of coders, over the posts both rated: pooled κ and percent agreement, and
 * optionally the same per post.
 */
export function charComparison(
  input: AgreementInput,
  codeId: string,
  coderA: string,
  coderB: string,
  options: { perPost?: boolean; layers?: CodingLayers } = {},
): CharComparison {
  const layers = options.layers ?? codingLayers(input);
  const layerA = layerOf(layers, codeId, coderA);
  const layerB = layerOf(layers, codeId, coderB);
  let n = 0;
  let sumA = 0;
  let sumB = 0;
  let sumBoth = 0;
  const posts: PostCharAgreement[] = [];
  for (const post of input.posts) {
    if (!isRatedBy(post, coderA) || !isRatedBy(post, coderB)) continue;
    const a = intervalsIn(layerA, post.id);
    const b = intervalsIn(layerB, post.id);
    const lenA = totalLength(a);
    const lenB = totalLength(b);
    const both = a.length > 0 && b.length > 0 ? intersectionLength(a, b) : 0;
    n += post.length;
    sumA += lenA;
    sumB += lenB;
    sumBoth += both;
    if (options.perPost) {
      const table = tableOf(post.length, lenA, lenB, both);
      posts.push({ postId: post.id, table, agreement: charAgreement(table) });
    }
  }
  const table = n === 0 ? EMPTY_TABLE : tableOf(n, sumA, sumB, sumBoth);
  return { pooled: charAgreement(table), table, posts };
}

function tableOf(n: number, lenA: number, lenB: number, both: number): CharTable {
  return { both, onlyA: lenA - both, onlyB: lenB - both, neither: n - lenA - lenB + both };
}
