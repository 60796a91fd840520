/**
 * Geometry of one code's small line chart in the Rounds view: its Krippendorff α in each round,
 * rounds evenly spaced left to right, with the .667 and .800 reference lines. A round where α is not
 * defined (no variation, no units) breaks the line there; its point is left out.
 */
import { formatValue } from '@shared/agreement/report/format';

export interface RoundPoint {
  /** "Round 2": said in the point's title and under the axis. */
  label: string;
  /** The round's number, drawn under the axis. */
  number: number;
  value: number | null;
}

export interface SparkPoint {
  x: number;
  y: number;
  value: number;
  /** "Round 2: α = 0.712", the point's <title>. */
  title: string;
}

export interface SparkGuide {
  value: number;
  y: number;
  /** ".667", ".800", "0", "1", "−1". */
  label: string;
  kind: 'threshold' | 'bound';
}

export interface SparkLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  /** The value axis: [0, 1], or [−1, 1] when a value is negative. */
  domain: readonly [number, number];
  points: SparkPoint[];
  /** Polylines ("x,y x,y"): a round without a value breaks the line. */
  segments: string[];
  guides: SparkGuide[];
  /** Round numbers under the axis. */
  ticks: { x: number; label: string }[];
}

export const SPARK_WIDTH = 280;
export const SPARK_HEIGHT = 120;
const LEFT = 34;
const RIGHT = 12;
const TOP = 8;
const BOTTOM = 20;

export function sparkLayout(rounds: readonly RoundPoint[], size: { width: number; height: number } = { width: SPARK_WIDTH, height: SPARK_HEIGHT }): SparkLayout {
  const { width, height } = size;
  const plotLeft = LEFT;
  const plotRight = width - RIGHT;
  const plotTop = TOP;
  const plotBottom = height - BOTTOM;
  const low = rounds.some((r) => r.value !== null && r.value < 0) ? -1 : 0;
  const y = (v: number) => plotBottom - ((Math.max(low, Math.min(1, v)) - low) / (1 - low)) * (plotBottom - plotTop);
  // One round sits in the middle; more spread from edge to edge.
  const x = (i: number) => (rounds.length <= 1 ? (plotLeft + plotRight) / 2 : plotLeft + (i / (rounds.length - 1)) * (plotRight - plotLeft));

  const points: SparkPoint[] = [];
  const segments: string[] = [];
  let current: string[] = [];
  rounds.forEach((round, i) => {
    if (round.value === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      return;
    }
    const point = { x: round1(x(i)), y: round1(y(round.value)), value: round.value, title: `${round.label}: α = ${formatValue(round.value)}` };
    points.push(point);
    current.push(`${point.x},${point.y}`);
  });
  if (current.length > 1) segments.push(current.join(' '));

  const guides: SparkGuide[] = [
    ...(low < 0 ? [{ value: -1, kind: 'bound' as const }] : []),
    { value: 0, kind: 'bound' as const },
    { value: 0.667, kind: 'threshold' as const },
    { value: 0.8, kind: 'threshold' as const },
    { value: 1, kind: 'bound' as const },
  ].map((g) => ({ ...g, y: round1(y(g.value)), label: guideLabel(g.value) }));

  return {
    width,
    height,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    domain: [low, 1],
    points,
    segments,
    guides,
    ticks: rounds.map((r, i) => ({ x: round1(x(i)), label: String(r.number) })),
  };
}

function guideLabel(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) === 1) return value < 0 ? '−1' : '1';
  return formatValue(value).replace(/^0/, '');
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
