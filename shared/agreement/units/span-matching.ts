/**
 * Counting matched spans between two coders in one post, for span F1. Both lists are one coder's
 * spans of one code, sorted and non-overlapping (coding-layers merges overlaps; touching spans stay
 * two), so every count is one linear pass.
 */
import type { Interval } from './intervals';

export interface SpanCounts {
  /** Spans of the reference coder A, and of the compared coder B. */
  a: number;
  b: number;
  /** Pairs with the same start and end (each span has at most one twin: spans are disjoint). */
  exact: number;
  /** A spans overlapping at least one B span (the numerator of recall). */
  anyA: number;
  /** B spans overlapping at least one A span (the numerator of precision). */
  anyB: number;
  /** Size of a maximum one-to-one matching between overlapping A and B spans. */
  oneToOne: number;
}

export function countSpanMatches(a: readonly Interval[], b: readonly Interval[]): SpanCounts {
  return {
    a: a.length,
    b: b.length,
    exact: countExact(a, b),
    anyA: countOverlappingAny(a, b),
    anyB: countOverlappingAny(b, a),
    oneToOne: maximumOverlapMatching(a, b),
  };
}

function countExact(a: readonly Interval[], b: readonly Interval[]): number {
  let count = 0;
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]!.start < x.start) j++;
    const y = b[j];
    if (y !== undefined && y.start === x.start && y.end === x.end) count++;
  }
  return count;
}

/** How many spans of `from` overlap at least one span of `other`. */
function countOverlappingAny(from: readonly Interval[], other: readonly Interval[]): number {
  let count = 0;
  let j = 0;
  for (const x of from) {
    // Spans of `other` ending at or before x starts cannot reach x nor any later span of `from`.
    while (j < other.length && other[j]!.end <= x.start) j++;
    const y = other[j];
    if (y !== undefined && y.start < x.end) count++;
  }
  return count;
}

/**
 * Maximum bipartite matching in the overlap graph, A spans on one side and B spans on the other.
 * Because each side's spans are disjoint and sorted, the B spans overlapping an A span form a
 * contiguous run whose ends never move left as A moves right, and the greedy rule "pair each A
 * span, left to right, with the leftmost still-unpaired B span it overlaps" is a maximum matching
 * (exchange argument: if an optimal matching pairs the first A span with a later B span, the
 * leftmost B span it overlaps cannot overlap any later A span, so the pair can be swapped).
 *
 * Tie rule: among the maximum matchings, this is the left-to-right one. Only the size is reported,
 * and every maximum matching has the same size, so the choice never changes a value.
 */
export function maximumOverlapMatching(a: readonly Interval[], b: readonly Interval[]): number {
  let matched = 0;
  // Every B span before j is either paired or ends before the current A span starts.
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]!.end <= x.start) j++;
    const y = b[j];
    if (y !== undefined && y.start < x.end) {
      matched++;
      j++;
    }
  }
  return matched;
}
