/**
 * How many code points a set of spans covers: each covered code point once, however many spans
 * cover it ([start, end), code points, end exclusive, as stored).
 */
export function coveredLength(spans: ReadonlyArray<{ start: number; end: number }>): number {
  if (spans.length === 0) return 0;
  if (spans.length === 1) return Math.max(0, spans[0]!.end - spans[0]!.start);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let runStart = sorted[0]!.start;
  let runEnd = sorted[0]!.start;
  for (const { start, end } of sorted) {
    if (start > runEnd) {
      total += runEnd - runStart;
      runStart = start;
      runEnd = start;
    }
    if (end > runEnd) runEnd = end;
  }
  return total + (runEnd - runStart);
}
