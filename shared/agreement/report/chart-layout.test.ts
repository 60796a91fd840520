import { describe, expect, it } from 'vitest';

import { barChartLayout, estimateTextWidth, fitText, type MeasureText } from './chart-layout';
import type { ReportRow } from './report-rows';

const row = (code: string, value: number | null, pair: string | null = null): ReportRow => ({
  code,
  scope: 'code',
  pair,
  metric: 'alpha_nominal',
  n: 40,
  value,
  reason: value === null ? 'no variation' : null,
  interval: null,
  intervalNote: null,
  reading: null,
});

/** A monospace stand-in: 7 px a code point, so widths in tests are exact. */
const mono: MeasureText = (text) => Array.from(text).length * 7;

const overlaps = (a: { left: number; right: number }, b: { left: number; right: number }) => a.left < b.right && b.left < a.right;

describe('bar chart layout', () => {
  it('cuts a long code name to the name column, keeping the whole name for the tooltip', () => {
    const long = 'Appeal to statistics > Misleading base rates in the opening post of a long thread';
    const layout = barChartLayout([row(long, 0.7), row('Derailing', 0.9)], { measure: mono });
    const [first, second] = layout.bars;
    expect(first?.truncated).toBe(true);
    expect(first?.fullLabel).toBe(long);
    expect(first?.label.endsWith('…')).toBe(true);
    expect(long.startsWith(first!.label.slice(0, -1))).toBe(true);
    // Right-aligned at labelEnd, the name starts inside the chart.
    expect(layout.labelEnd - mono(first!.label)).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ label: 'Derailing', truncated: false });
  });

  it('names the coder pair on a bar only where there are several pairs', () => {
    const one = barChartLayout([row('A', 0.5, 'Ada|Ben'), row('B', 0.6, 'Ada|Ben')], { measure: mono });
    expect(one.bars.map((b) => b.fullLabel)).toEqual(['A', 'B']);
    const two = barChartLayout([row('A', 0.5, 'Ada|Ben'), row('A', 0.6, 'Ada|Cy')], { measure: mono });
    expect(two.bars.map((b) => b.fullLabel)).toEqual(['A (Ada vs Ben)', 'A (Ada vs Cy)']);
  });

  it('makes the name column as wide as the names need, within bounds', () => {
    const narrow = barChartLayout([row('A', 0.5)], { measure: mono });
    const wide = barChartLayout([row('Whataboutism and derailing', 0.5)], { measure: mono });
    expect(narrow.labelWidth).toBeLessThan(wide.labelWidth);
    expect(wide.labelEnd).toBeGreaterThanOrEqual(mono('Whataboutism and derailing'));
    expect(wide.bars[0]?.truncated).toBe(false);
  });

  it('spaces tick labels by their width so neighbours never overlap, on either axis', () => {
    for (const values of [[0.5, 0.9], [-0.4, 0.9]]) {
      // A wide measure forces .667 and .800 to collide if merely centred under their ticks.
      const wideMeasure: MeasureText = (text) => Array.from(text).length * 16;
      const layout = barChartLayout(values.map((v, i) => row(`Code ${i}`, v)), { measure: wideMeasure });
      const boxes = layout.ticks
        .filter((t) => t.row === 0)
        .map((t) => ({ left: t.labelX - wideMeasure(t.label) / 2, right: t.labelX + wideMeasure(t.label) / 2 }));
      for (let i = 1; i < boxes.length; i++) expect(overlaps(boxes[i - 1]!, boxes[i]!)).toBe(false);
      for (const box of boxes) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(layout.width);
      }
      // Lines stay where the values are; only labels move, and only a little.
      const threshold = layout.ticks.find((t) => t.value === 0.8)!;
      expect(Math.abs(threshold.labelX - threshold.x)).toBeLessThan(40);
    }
  });

  it('labels ticks as Krippendorff writes the thresholds, on [0, 1] unless a value is negative', () => {
    const positive = barChartLayout([row('A', 0.5)], { measure: mono });
    expect(positive.domain).toEqual([0, 1]);
    expect(positive.ticks.map((t) => t.label)).toEqual(['0', '.667', '.800', '1']);
    const negative = barChartLayout([row('A', -0.2)], { measure: mono });
    expect(negative.domain).toEqual([-1, 1]);
    expect(negative.ticks.map((t) => t.label)).toEqual(['−1', '0', '.667', '.800', '1']);
    // A negative bar grows left from 0, its number right of the zero line.
    const zero = negative.ticks.find((t) => t.value === 0)!.x;
    expect(negative.bars[0]!.x + negative.bars[0]!.width).toBeCloseTo(zero, 9);
    expect(negative.bars[0]!.valueX).toBeGreaterThan(zero);
  });

  it('names an undefined value instead of drawing a bar, and keeps every number inside the chart', () => {
    const layout = barChartLayout([row('A', null), row('B', 1)], { measure: mono });
    expect(layout.bars[0]).toMatchObject({ width: 0, valueLabel: 'not defined' });
    expect(layout.bars[1]).toMatchObject({ valueLabel: '1.000' });
    for (const bar of layout.bars) expect(bar.valueX + mono(bar.valueLabel)).toBeLessThanOrEqual(layout.width);
  });
});

describe('text width', () => {
  it('estimates wider glyphs as wider, never cuts inside a code point, and leaves short text alone', () => {
    expect(estimateTextWidth('WWWW')).toBeGreaterThan(estimateTextWidth('iiii'));
    expect(estimateTextWidth('反论反论')).toBeGreaterThan(estimateTextWidth('abcd'));
    expect(fitText('short', 100, mono)).toBe('short');
    const cut = fitText('😀😀😀😀😀😀', 30, mono);
    expect(cut).toBe('😀😀😀…');
  });
});
