/**
 * Span F1 for one code and a pair of coders, the first coder being the reference:
 * recall = matched A spans / A spans, precision = matched B spans / B spans, F1 their harmonic
 * mean. Three matching rules: `exact` (same post, start and end), `overlap_any` (a span counts when
 * it overlaps any span of the other coder, counted separately for recall and precision) and
 * `overlap_1to1` (a maximum one-to-one matching between overlapping spans). Micro-averaging adds
 * the counts over codes before dividing, so codes with many spans weigh more.
 */
import { type AgreementInput, type CodingLayers, codingLayers, intervalsIn, isRatedBy, layerOf } from './coding-layers';
import { type SpanCounts, countSpanMatches } from './span-matching';

export interface SpanScore {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SpanScores {
  exact: SpanScore;
  overlap_any: SpanScore;
  overlap_1to1: SpanScore;
}

export const NO_SPANS: SpanCounts = { a: 0, b: 0, exact: 0, anyA: 0, anyB: 0, oneToOne: 0 };

/** Counts for one code over the posts both coders rated. */
export function spanCounts(
  input: AgreementInput,
  codeId: string,
  coderA: string,
  coderB: string,
  layers: CodingLayers = codingLayers(input),
): SpanCounts {
  const layerA = layerOf(layers, codeId, coderA);
  const layerB = layerOf(layers, codeId, coderB);
  let total = NO_SPANS;
  // Only posts where either coder has a span can change a count.
  const postIds = new Set([...layerA.keys(), ...layerB.keys()]);
  for (const post of input.posts) {
    if (!postIds.has(post.id) || !isRatedBy(post, coderA) || !isRatedBy(post, coderB)) continue;
    total = addSpanCounts(total, countSpanMatches(intervalsIn(layerA, post.id), intervalsIn(layerB, post.id)));
  }
  return total;
}

export function addSpanCounts(x: SpanCounts, y: SpanCounts): SpanCounts {
  return {
    a: x.a + y.a,
    b: x.b + y.b,
    exact: x.exact + y.exact,
    anyA: x.anyA + y.anyA,
    anyB: x.anyB + y.anyB,
    oneToOne: x.oneToOne + y.oneToOne,
  };
}

export function spanScores(counts: SpanCounts): SpanScores {
  return {
    exact: score(counts, counts.exact, counts.exact),
    overlap_any: score(counts, counts.anyA, counts.anyB),
    overlap_1to1: score(counts, counts.oneToOne, counts.oneToOne),
  };
}

/**
 * Precision is undefined (null) when B has no spans, recall when A has none, F1 when neither has
 * any. When only one side has spans, all of them go unmatched and F1 = 2TP / (2TP + FP + FN) = 0,
 * which is what the harmonic mean tends to as well; so F1 is 0 there, not null.
 */
function score(counts: SpanCounts, matchedA: number, matchedB: number): SpanScore {
  const recall = counts.a === 0 ? null : matchedA / counts.a;
  const precision = counts.b === 0 ? null : matchedB / counts.b;
  let f1: number | null;
  if (recall === null && precision === null) f1 = null;
  else if (recall === null || precision === null || recall + precision === 0) f1 = 0;
  else f1 = (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
