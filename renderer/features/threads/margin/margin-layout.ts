/**
 * The code margin's geometry (MAXQDA's coding stripes): one vertical bracket per coding beside the
 * lines it spans, in lanes so that overlapping codings stand side by side, and a label per bracket
 * in a column beyond the lanes, at the bracket's top or pushed down below the label above it.
 * Pure: pixel extents in, positions out; the component measures the text and paints the result.
 */

/** A coding's vertical extent beside the text, in pixels from the margin's top. */
export interface MarginExtent {
  id: string;
  top: number;
  bottom: number;
  /** Where the coding starts in the text: ties between brackets at the same height go by it. */
  start: number;
}

export interface PlacedBracket extends MarginExtent {
  /** 0 is nearest the text. */
  lane: number;
  /** The label's top (never above the bracket's). */
  labelTop: number;
}

export interface MarginLayout {
  /** In label order, top to bottom: the order they are read and tabbed through. */
  brackets: PlacedBracket[];
  lanes: number;
  /** How tall the margin must be to hold every label (at least the text's height). */
  height: number;
}

/** Space kept between two brackets in one lane, so that their ends stay apart. */
export const LANE_GAP = 3;

/** The order brackets are laid out in: by top, the longer first (it goes nearer the text), then by text offset. */
function byTop(a: MarginExtent, b: MarginExtent): number {
  return a.top - b.top || b.bottom - a.bottom || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Lanes by interval colouring: each bracket takes the lowest lane that is free over its extent
 * (a greedy sweep by top is optimal for intervals, so there are as many lanes as brackets overlap
 * at the busiest line, never more).
 */
export function assignLanes(extents: readonly MarginExtent[]): Map<string, number> {
  const laneBottoms: number[] = [];
  const lanes = new Map<string, number>();
  for (const extent of [...extents].sort(byTop)) {
    let lane = laneBottoms.findIndex((bottom) => bottom + LANE_GAP <= extent.top);
    if (lane === -1) lane = laneBottoms.length;
    laneBottoms[lane] = extent.bottom;
    lanes.set(extent.id, lane);
  }
  return lanes;
}

/** Labels in reading order (by top, then by where the coding starts), each at its bracket's top or just below the label before it. */
export function placeLabels(brackets: readonly (MarginExtent & { lane: number })[], labelHeight: number): Map<string, number> {
  const ordered = [...brackets].sort((a, b) => a.top - b.top || a.start - b.start || a.lane - b.lane);
  const tops = new Map<string, number>();
  let next = -Infinity;
  for (const bracket of ordered) {
    const top = Math.max(bracket.top, next);
    tops.set(bracket.id, top);
    next = top + labelHeight;
  }
  return tops;
}

export function marginLayout(extents: readonly MarginExtent[], labelHeight: number, textHeight: number): MarginLayout {
  const lanes = assignLanes(extents);
  const withLanes = extents.map((e) => ({ ...e, lane: lanes.get(e.id) ?? 0 }));
  const labelTops = placeLabels(withLanes, labelHeight);
  const brackets = withLanes.map((b) => ({ ...b, labelTop: labelTops.get(b.id) ?? b.top })).sort((a, b) => a.labelTop - b.labelTop || byTop(a, b));
  const lastLabel = Math.max(0, ...brackets.map((b) => b.labelTop + labelHeight));
  return { brackets, lanes: Math.max(0, ...brackets.map((b) => b.lane + 1)), height: Math.max(textHeight, lastLabel) };
}
