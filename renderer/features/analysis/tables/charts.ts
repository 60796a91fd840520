/**
 * The three charts, drawn by Observable Plot (SVG from data, no eval: the app's CSP holds):
 * bars per code, stacked bars per month, the co-occurrence heatmap. Each returns the SVG ready to
 * attach (Plot's <style> removed) or to export.
 */
import { barX, barY, cell, plot, ruleX, ruleY, text } from '@observablehq/plot';

import { estimateTextWidth } from '@shared/agreement/report/chart-layout';

import type { BarDatum, Heatmap, MonthStacks } from './chart-data';
import { CHART_CLASS, prepareChart, fit, withLegend } from './chart-svg';

const FONT_SIZE = 10;
const MAX_LABEL = 220;
const labelRoom = (labels: readonly string[]): number => Math.min(MAX_LABEL, Math.max(40, ...labels.map((l) => estimateTextWidth(l, FONT_SIZE)))) + 14;
const short = (label: string): string => fit(label, MAX_LABEL);
const number = (n: number): string => n.toLocaleString('en-US');

/** At most 10 ticks, never more than the whole numbers up to `max`. */
const wholeTicks = (max: number): number => Math.max(1, Math.min(10, Math.ceil(max)));

function tallest(stacks: MonthStacks): number {
  const sums = new Map<string, number>();
  for (const d of stacks.data) sums.set(d.month, (sums.get(d.month) ?? 0) + d.value);
  return Math.max(0, ...sums.values());
}

function finish(node: SVGSVGElement | HTMLElement): SVGSVGElement {
  if (!(node instanceof SVGSVGElement)) throw new Error('Plot returned a figure, not an SVG chart');
  prepareChart(node);
  return node;
}

/** Horizontal bars, one per code (tree order), with the figure at the end of each bar. */
export function barsChart(bars: readonly BarDatum[], valueLabel: string): SVGSVGElement {
  const pathOf = new Map(bars.map((b) => [b.codeId, b.label]));
  const marginLeft = labelRoom(bars.map((b) => b.label));
  return finish(
    plot({
      className: CHART_CLASS,
      width: Math.max(480, marginLeft + 420),
      height: 40 + bars.length * 22,
      marginLeft,
      marginRight: 48,
      // Counts are whole numbers: no tick at 0.5.
      x: { label: valueLabel, grid: true, ticks: wholeTicks(Math.max(0, ...bars.map((b) => b.value))) },
      y: { label: null, domain: bars.map((b) => b.codeId), tickFormat: (id: string) => short(pathOf.get(id) ?? id) },
      marks: [
        barX(bars, { x: 'value', y: 'codeId', fill: 'color' }),
        text(bars, { x: 'value', y: 'codeId', text: (d: BarDatum) => number(d.value), textAnchor: 'start', dx: 4 }),
        ruleX([0]),
      ],
    }),
  );
}

/** A bar per month, a segment per code in the code's colour; a legend below. */
export function stackedChart(stacks: MonthStacks, valueLabel: string): SVGSVGElement {
  // Every month keeps its bar; labels thin out so they never overlap.
  const step = Math.max(1, Math.ceil(stacks.months.length / 24));
  const chart = finish(
    plot({
      className: CHART_CLASS,
      width: Math.max(360, Math.min(1200, 120 + stacks.months.length * 28)),
      height: 320,
      marginBottom: 56,
      x: { label: 'Month', domain: stacks.months, tickRotate: -45, tickFormat: (m: string, i: number) => (i % step === 0 ? m : '') },
      y: { label: valueLabel, grid: true, ticks: wholeTicks(tallest(stacks)) },
      color: { domain: stacks.codes.map((c) => c.codeId), range: stacks.codes.map((c) => c.color) },
      marks: [barY(stacks.data, { x: 'month', y: 'value', fill: 'codeId', title: (d: { month: string; codeId: string; value: number }) => `${d.month}: ${number(d.value)}` }), ruleY([0])],
    }),
  );
  return withLegend(chart, stacks.codes);
}

/** Code × code cells shaded by value, the value written in each. */
export function heatmapChart(map: Heatmap, measureLabel: string, jaccard: boolean): SVGSVGElement {
  const pathOf = new Map(map.codes.map((c) => [c.codeId, c.label]));
  const ids = map.codes.map((c) => c.codeId);
  const room = labelRoom(map.codes.map((c) => c.label));
  const size = 30;
  const format = (v: number): string => (jaccard ? v.toFixed(2) : number(v));
  const tick = (id: string): string => short(pathOf.get(id) ?? id);
  return finish(
    plot({
      className: CHART_CLASS,
      width: room + ids.length * size + 20,
      // Labels below are turned 45°: they need about 0.7 of their length in height.
      height: Math.ceil(room * 0.75) + ids.length * size + 20,
      marginLeft: room,
      marginBottom: Math.ceil(room * 0.75) + 10,
      marginTop: 10,
      marginRight: 20,
      padding: 0.04,
      x: { domain: ids, tickFormat: tick, tickRotate: -45, label: null },
      y: { domain: ids, tickFormat: tick, label: null },
      color: { type: 'linear', scheme: 'blues', domain: [0, map.max || 1], label: measureLabel },
      marks: [
        cell(map.data, { x: 'col', y: 'row', fill: 'value', title: (d: { row: string; col: string; value: number }) => `${pathOf.get(d.row)} × ${pathOf.get(d.col)}: ${format(d.value)}` }),
        text(map.data, { x: 'col', y: 'row', text: (d: { value: number }) => format(d.value), fill: (d: { value: number }) => (d.value > 0.55 * (map.max || 1) ? 'white' : 'black') }),
      ],
    }),
  );
}
