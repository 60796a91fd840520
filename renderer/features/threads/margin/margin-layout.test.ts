import { describe, expect, it } from 'vitest';

import { assignLanes, LANE_GAP, marginLayout, placeLabels, type MarginExtent } from './margin-layout';

const ext = (id: string, top: number, bottom: number, start = top): MarginExtent => ({ id, top, bottom, start });

/** Naive: the most extents covering any one pixel row (what the lane count must equal). */
function maxOverlap(extents: readonly MarginExtent[]): number {
  let most = 0;
  const end = Math.max(0, ...extents.map((e) => e.bottom));
  for (let y = 0; y <= end; y += 1) most = Math.max(most, extents.filter((e) => e.top <= y && y < e.bottom + LANE_GAP).length);
  return most;
}

/** A seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('code margin layout', () => {
  it('puts codings on separate lines in one lane and overlapping ones side by side', () => {
    const lanes = assignLanes([ext('a', 0, 20), ext('b', 40, 60), ext('c', 10, 50)]);
    expect(lanes.get('a')).toBe(0);
    expect(lanes.get('c')).toBe(1);
    expect(lanes.get('b')).toBe(0);
  });

  it('gives the longer of two codings that start together the lane nearest the text', () => {
    const lanes = assignLanes([ext('short', 0, 20), ext('long', 0, 80)]);
    expect(lanes.get('long')).toBe(0);
    expect(lanes.get('short')).toBe(1);
  });

  it('keeps brackets that touch apart (a gap between two in one lane)', () => {
    const lanes = assignLanes([ext('a', 0, 20), ext('b', 20, 40), ext('c', 20 + LANE_GAP + 1, 60)]);
    expect(lanes.get('b')).toBe(1);
    expect(lanes.get('c')).toBe(0);
  });

  it('uses as many lanes as codings overlap at the busiest line, and no two overlapping brackets share one', () => {
    const next = random(7);
    for (let round = 0; round < 200; round += 1) {
      const extents = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) => {
        const top = Math.floor(next() * 200);
        return ext(`c${i}`, top, top + 10 + Math.floor(next() * 120), Math.floor(next() * 500));
      });
      const lanes = assignLanes(extents);
      expect(Math.max(...lanes.values()) + 1).toBe(maxOverlap(extents));
      for (const a of extents)
        for (const b of extents)
          if (a !== b && lanes.get(a.id) === lanes.get(b.id)) expect(a.bottom + LANE_GAP <= b.top || b.bottom + LANE_GAP <= a.top).toBe(true);
    }
  });

  it('places labels at their bracket’s top, pushed below the label above when they would collide', () => {
    const tops = placeLabels(
      [
        { ...ext('a', 0, 100), lane: 0 },
        { ...ext('b', 5, 30), lane: 1 },
        { ...ext('c', 60, 80), lane: 1 },
      ],
      18,
    );
    expect(tops.get('a')).toBe(0);
    expect(tops.get('b')).toBe(18);
    expect(tops.get('c')).toBe(60);
  });

  it('orders labels of one line by where their codings start, whatever their lanes', () => {
    // The longer coding takes lane 0, but the one starting earlier in the text is read first.
    const layout = marginLayout([ext('early', 0, 20, 0), ext('longer', 0, 80, 30)], 18, 100);
    expect(layout.brackets.map((b) => [b.id, b.lane, b.labelTop])).toEqual([
      ['early', 1, 0],
      ['longer', 0, 18],
    ]);
  });

  it('never lets two labels overlap, in bracket order', () => {
    const next = random(11);
    const extents = Array.from({ length: 30 }, (_, i) => {
      const top = Math.floor(next() * 100);
      return ext(`c${i}`, top, top + 20, i);
    });
    const layout = marginLayout(extents, 18, 120);
    const labels = [...layout.brackets].sort((a, b) => a.labelTop - b.labelTop);
    labels.forEach((b, i) => {
      expect(b.labelTop).toBeGreaterThanOrEqual(b.top);
      if (i > 0) expect(b.labelTop - (labels[i - 1] as { labelTop: number }).labelTop).toBeGreaterThanOrEqual(18);
    });
    // Thirty labels do not fit beside 120 px of text: the margin grows to hold them.
    expect(layout.height).toBe(Math.max(...labels.map((b) => b.labelTop)) + 18);
  });

  it('is as tall as the text when the labels fit, and empty without codings', () => {
    expect(marginLayout([ext('a', 0, 20)], 18, 100)).toMatchObject({ lanes: 1, height: 100 });
    expect(marginLayout([], 18, 100)).toEqual({ brackets: [], lanes: 0, height: 100 });
  });
});
