import { describe, expect, it } from 'vitest';

import { sparkLayout } from './round-chart-layout';

const size = { width: 240, height: 120 };
const round = (number: number, value: number | null) => ({ number, label: `Round ${number}`, value });

describe('sparkLayout', () => {
  it('spreads the rounds from edge to edge and draws α upwards on [0, 1]', () => {
    const layout = sparkLayout([round(1, 0.5), round(2, 0.8), round(3, 1)], size);
    expect(layout.domain).toEqual([0, 1]);
    expect(layout.points.map((p) => p.x)).toEqual([layout.plotLeft, (layout.plotLeft + layout.plotRight) / 2, layout.plotRight]);
    expect(layout.points[2]?.y).toBe(layout.plotTop);
    expect(layout.points[0]?.y).toBe((layout.plotTop + layout.plotBottom) / 2);
    expect(layout.segments).toHaveLength(1);
    expect(layout.points[1]?.title).toBe('Round 2: α = 0.800');
    expect(layout.ticks.map((t) => t.label)).toEqual(['1', '2', '3']);
  });

  it('has the .667 and .800 reference lines between 0 and 1', () => {
    const layout = sparkLayout([round(1, 0.7)], size);
    expect(layout.guides.map((g) => [g.label, g.kind])).toEqual([
      ['0', 'bound'],
      ['.667', 'threshold'],
      ['.800', 'threshold'],
      ['1', 'bound'],
    ]);
    const [zero, t667, t800, one] = layout.guides.map((g) => g.y);
    expect(zero! > t667! && t667! > t800! && t800! > one!).toBe(true);
  });

  it('breaks the line where α is not defined, and a single round is a point in the middle', () => {
    const broken = sparkLayout([round(1, 0.2), round(2, 0.4), round(3, null), round(4, 0.9), round(5, 0.95)], size);
    expect(broken.points).toHaveLength(4);
    expect(broken.segments).toHaveLength(2);
    const single = sparkLayout([round(1, 0.3)], size);
    expect(single.points[0]?.x).toBe((single.plotLeft + single.plotRight) / 2);
    expect(single.segments).toEqual([]);
  });

  it('goes down to −1 when a value is negative', () => {
    const layout = sparkLayout([round(1, -0.25), round(2, 0.5)], size);
    expect(layout.domain).toEqual([-1, 1]);
    expect(layout.guides[0]).toMatchObject({ label: '−1', y: layout.plotBottom });
    expect(layout.points[0]?.title).toBe('Round 1: α = -0.250');
  });
});
