/**
 * Half-open intervals [start, end) of code points, and the few operations every unit of agreement
 * needs. Everything works on sorted interval lists so costs grow with the number of codings, never
 * with the number of characters.
 */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Sorted by start, overlapping intervals merged into one; touching ones ([0,5) and [5,9)) stay
 * separate because for unitizing they are two units a coder drew on purpose. Empty or inverted
 * intervals are dropped. The input is not modified.
 */
export function mergeOverlapping(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => i.start < i.end)
    .map((i) => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && next.start < last.end) {
      if (next.end > last.end) last.end = next.end;
    } else {
      out.push(next);
    }
  }
  return out;
}

/** Total length of disjoint intervals. */
export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const i of intervals) sum += i.end - i.start;
  return sum;
}

/** Length of the intersection of two lists of sorted, disjoint intervals, in one linear pass. */
export function intersectionLength(a: readonly Interval[], b: readonly Interval[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const lo = x.start > y.start ? x.start : y.start;
    const hi = x.end < y.end ? x.end : y.end;
    if (hi > lo) sum += hi - lo;
    // Advance whichever ends first: it cannot meet anything further right in the other list.
    if (x.end <= y.end) i++;
    else j++;
  }
  return sum;
}

/** True when two half-open intervals share at least one code point (touching is not overlapping). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
