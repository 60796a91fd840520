import type { ReportRow } from './report-rows';
import { formatValue } from './format';

/**
 * Geometry of the horizontal bar chart of one coefficient per code, shared by the app's chart
 * (AgreementChart.tsx) and the HTML report. Text is placed by its width — measured by the caller
 * where it can measure (a canvas in the app), else estimated (estimateTextWidth) — so code names
 * are cut to their column with the whole name kept for a tooltip, and tick labels never overlap.
 */
export interface BarChartLayout {
  width: number;
  height: number;
  /** Width of the code-name column; names end (text-anchor end) at labelWidth − LABEL_GAP. */
  labelWidth: number;
  labelEnd: number;
  plotLeft: number;
  plotRight: number;
  /** The value axis: [0, 1], or [−1, 1] when a value is negative. */
  domain: readonly [number, number];
  barHeight: number;
  bars: ChartBar[];
  ticks: ChartTick[];
  /** The vertical extent of the tick lines. */
  axisTop: number;
  axisBottom: number;
  /** Baseline of the tick labels (below the axis). */
  tickLabelY: number;
  /** Baseline of a title line above the bars. */
  titleY: number;
}

export interface ChartBar {
  /** The name shown: cut with "…" to fit the name column. */
  label: string;
  /** The whole name, for a tooltip (<title>). */
  fullLabel: string;
  truncated: boolean;
  /** Top of the bar's row; text baseline is y + 15. */
  y: number;
  x: number;
  width: number;
  value: number | null;
  band: 'reliable' | 'tentative' | 'unreliable';
  /** "0.712", or "not defined", drawn from valueX (text-anchor start). */
  valueLabel: string;
  valueX: number;
}

export interface ChartTick {
  value: number;
  /** Where the tick line is. */
  x: number;
  /** ".667", as Krippendorff writes the thresholds. */
  label: string;
  /** The label's centre (text-anchor middle): x, moved just enough not to overlap a neighbour. */
  labelX: number;
  /** 0 for the first row of labels, 1 where even moving could not make room. */
  row: number;
  /** 0 is the axis; .667 and .800 are Krippendorff's thresholds (drawn dashed). */
  kind: 'zero' | 'threshold' | 'end';
}

/** Width of a text in px at the chart's font size. */
export type MeasureText = (text: string) => number;

export const CHART_FONT_SIZE = 12;
export const BAR_HEIGHT = 22;
const MAX_LABEL_WIDTH = 260;
const MIN_LABEL_WIDTH = 80;
const LABEL_GAP = 8;
const PLOT_WIDTH = 420;
const TICK_GAP = 6;
const TOP = 20;

export const BAND_COLORS = { reliable: '#2e7d32', tentative: '#f9a825', unreliable: '#c62828' } as const;

export function barChartLayout(rows: readonly ReportRow[], options: { measure?: MeasureText } = {}): BarChartLayout {
  const measure = options.measure ?? ((text: string) => estimateTextWidth(text));
  // The pair only where there are several: with two coders every bar is the same pair.
  const pairs = new Set(rows.map((r) => r.pair));
  const names = rows.map((r) => `${r.code}${r.pair && pairs.size > 1 ? ` (${r.pair.replace('|', ' vs ')})` : ''}`);
  const widest = Math.ceil(Math.max(0, ...names.map((name) => measure(name))));
  const labelWidth = Math.min(MAX_LABEL_WIDTH, Math.max(MIN_LABEL_WIDTH, widest + LABEL_GAP + 4));
  const labelEnd = labelWidth - LABEL_GAP;
  const room = labelEnd - 4;

  const low = rows.some((r) => r.value !== null && r.value < 0) ? -1 : 0;
  const domain = [low, 1] as const;
  const plotLeft = labelWidth;
  const plotRight = plotLeft + PLOT_WIDTH;
  const x = (v: number) => plotLeft + ((Math.max(low, Math.min(1, v)) - low) / (1 - low)) * PLOT_WIDTH;
  const valueRoom = measure('not defined') + 8;

  const bars = rows.map((r, i): ChartBar => {
    const fullLabel = names[i]!;
    const label = fitText(fullLabel, room, measure);
    const y = TOP + i * BAR_HEIGHT;
    const common = { label, fullLabel, truncated: label !== fullLabel, y };
    const value = r.value;
    if (value === null) return { ...common, x: x(0), width: 0, value, band: 'unreliable', valueLabel: 'not defined', valueX: x(0) + 4 };
    const end = x(value);
    return {
      ...common,
      x: Math.min(end, x(0)),
      width: Math.abs(end - x(0)),
      value,
      band: value >= 0.8 ? 'reliable' : value >= 0.667 ? 'tentative' : 'unreliable',
      valueLabel: formatValue(value),
      // A negative bar grows left from 0: its number goes right of the zero line, where nothing is drawn.
      valueX: (value < 0 ? x(0) : end) + 4,
    };
  });

  const axisTop = TOP - 6;
  const axisBottom = TOP + rows.length * BAR_HEIGHT;
  const width = Math.ceil(plotRight + valueRoom);
  const ticks = placeTicks(
    [
      ...(low < 0 ? [{ value: -1, kind: 'end' as const }] : []),
      { value: 0, kind: 'zero' as const },
      { value: 0.667, kind: 'threshold' as const },
      { value: 0.8, kind: 'threshold' as const },
      { value: 1, kind: 'end' as const },
    ].map((t) => ({ ...t, x: x(t.value), label: tickLabel(t.value) })),
    measure,
    width,
  );
  const rowsOfLabels = Math.max(0, ...ticks.map((t) => t.row)) + 1;
  const tickLabelY = axisBottom + 14;
  return {
    width,
    height: tickLabelY + (rowsOfLabels - 1) * 14 + 6,
    labelWidth,
    labelEnd,
    plotLeft,
    plotRight,
    domain,
    barHeight: BAR_HEIGHT,
    bars,
    ticks,
    axisTop,
    axisBottom,
    tickLabelY,
    titleY: 11,
  };
}

/** "−1", "0", ".667", ".800", "1". */
function tickLabel(value: number): string {
  if (value === 0 || Math.abs(value) === 1) return value < 0 ? '−1' : String(value);
  return formatValue(value).replace(/^0/, '');
}

/**
 * Centres each label under its tick; labels that would overlap are joined into a block, TICK_GAP
 * apart, centred on the mean of their ticks (so crowded labels move apart evenly, each by as little
 * as it can), and the blocks are then kept inside the chart. A label that still cannot fit — more
 * labels than width — goes on a second row under its tick.
 */
function placeTicks(
  ticks: ReadonlyArray<{ value: number; x: number; label: string; kind: ChartTick['kind'] }>,
  measure: MeasureText,
  width: number,
): ChartTick[] {
  const sorted = [...ticks].sort((a, b) => a.x - b.x);
  const widths = sorted.map((t) => measure(t.label));
  interface Block {
    first: number;
    last: number;
    left: number;
    width: number;
  }
  const span = (first: number, last: number) => widths.slice(first, last + 1).reduce((a, b) => a + b, 0) + (last - first) * TICK_GAP;
  const centred = (first: number, last: number): Block => {
    const xs = sorted.slice(first, last + 1).map((t) => t.x);
    const w = span(first, last);
    return { first, last, width: w, left: xs.reduce((a, b) => a + b, 0) / xs.length - w / 2 };
  };
  const blocks: Block[] = [];
  for (let i = 0; i < sorted.length; i++) {
    blocks.push(centred(i, i));
    // Join with the block before while the two overlap; a joined block may reach the one before it.
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.left + a.width + TICK_GAP <= b.left) break;
      blocks.splice(-2, 2, centred(a.first, b.last));
    }
  }
  // Inside the chart: from the right edge leftwards, then from the left edge rightwards.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const limit = i === blocks.length - 1 ? width : blocks[i + 1]!.left - TICK_GAP;
    blocks[i]!.left = Math.min(blocks[i]!.left, limit - blocks[i]!.width);
  }
  for (let i = 0; i < blocks.length; i++) {
    const limit = i === 0 ? 0 : blocks[i - 1]!.left + blocks[i - 1]!.width + TICK_GAP;
    blocks[i]!.left = Math.max(blocks[i]!.left, limit);
  }
  const out: ChartTick[] = [];
  for (const block of blocks) {
    let left = block.left;
    for (let i = block.first; i <= block.last; i++) {
      const fits = left + widths[i]! <= width + 1e-9;
      out.push({ ...sorted[i]!, labelX: fits ? left + widths[i]! / 2 : sorted[i]!.x, row: fits ? 0 : 1 });
      left += widths[i]! + TICK_GAP;
    }
  }
  return out;
}

/** The text, cut at a code point and ended with "…", to the widest prefix that fits `room`. */
export function fitText(text: string, room: number, measure: MeasureText): string {
  if (measure(text) <= room) return text;
  const points = Array.from(text);
  let lo = 0;
  let hi = points.length;
  // The longest prefix whose text + "…" fits: binary search on a width that grows with the prefix.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(`${points.slice(0, mid).join('').trimEnd()}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return `${points.slice(0, lo).join('').trimEnd()}…`;
}

/**
 * An estimate of a text's width in a proportional sans-serif face (system-ui, Helvetica, Roboto,
 * Noto Sans), from classes of glyph widths in em. Errs wide, so text placed by it does not collide.
 */
export function estimateTextWidth(text: string, fontSize: number = CHART_FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += glyphEm(ch);
  return em * fontSize;
}

function glyphEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x2e80) return 1.05; // CJK, emoji and other wide scripts
  if (/[\u0300-\u036f\u200b-\u200f]/.test(ch)) return 0;
  if (/[ijlI.,:;'’|!]/.test(ch)) return 0.3;
  if (/[ frt()[\]{}\-–"/\\]/.test(ch)) return 0.38;
  if (/[mwMW@%…]/.test(ch)) return 0.95;
  if (/[0-9]/.test(ch)) return 0.58;
  if (/[A-Z]/.test(ch) || /\p{Lu}/u.test(ch)) return 0.7;
  return 0.58;
}
