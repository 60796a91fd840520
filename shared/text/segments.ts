/**
 * Cuts a text at every span boundary so overlapping codings render as flat, non-nested marks:
 * one mark per segment listing every covering id (docs/editor.md, "Flat marks": marks never nest).
 * Units are whatever the caller uses (UTF-16 in the editor, code points elsewhere).
 */

export interface Segment {
  start: number;
  end: number;
  /** Ids of the spans covering this segment, in the order the spans were given; [] if uncovered. */
  ids: string[];
}

interface Edge {
  at: number;
  /** Index of the span in the caller's array, which fixes the order of `ids`. */
  span: number;
  opens: boolean;
}

/**
 * Contiguous segments covering [0, textLength) in order. Spans are clamped to the text; empty
 * (or non-finite) spans are ignored; ids are not de-duplicated. O((n + m) log m) plus output size.
 */
export function segmentize(
  textLength: number,
  spans: ReadonlyArray<{ id: string; start: number; end: number }>,
): Segment[] {
  if (!(textLength > 0)) return [];
  const edges: Edge[] = [];
  spans.forEach((s, span) => {
    const start = Math.max(0, s.start);
    const end = Math.min(textLength, s.end);
    if (!(start < end)) return; // empty, inverted, outside or NaN
    edges.push({ at: start, span, opens: true }, { at: end, span, opens: false });
  });
  edges.sort((a, b) => a.at - b.at);

  const segments: Segment[] = [];
  // Span indices covering the cursor, ascending so ids come out in input order.
  let active: readonly number[] = [];
  let cursor = 0;
  let e = 0;
  while (cursor < textLength) {
    // The sort is stable and edges were pushed in span order, so the edges at one position are
    // already ascending by span: a linear merge keeps `active` sorted without per-edge splices.
    const closing = new Set<number>();
    const opening: number[] = [];
    for (; e < edges.length && edges[e]!.at <= cursor; e++) {
      const edge = edges[e]!;
      if (edge.opens) opening.push(edge.span);
      else closing.add(edge.span);
    }
    active = mergeSorted(
      closing.size > 0 ? active.filter((i) => !closing.has(i)) : active,
      opening,
    );
    const next = e < edges.length ? edges[e]!.at : textLength;
    segments.push({ start: cursor, end: next, ids: active.map((i) => spans[i]!.id) });
    cursor = next;
  }
  return segments;
}

function mergeSorted(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
