import type { ReportRow } from './report-rows';

/** Geometry of a horizontal bar chart on a −1…1 axis, shared by the app's chart and the HTML report. */
export interface BarChartLayout {
  width: number;
  height: number;
  labelWidth: number;
  bars: Array<{ label: string; y: number; x: number; width: number; value: number | null; band: 'reliable' | 'tentative' | 'unreliable' }>;
  guides: Array<{ x: number; value: number }>;
  barHeight: number;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 260;
const PLOT_WIDTH = 420;

export function barChartLayout(rows: readonly ReportRow[]): BarChartLayout {
  const x = (v: number) => LABEL_WIDTH + ((Math.max(-1, Math.min(1, v)) + 1) / 2) * PLOT_WIDTH;
  const height = rows.length * BAR_HEIGHT + 40;
  return {
    width: LABEL_WIDTH + PLOT_WIDTH + 60,
    height,
    labelWidth: LABEL_WIDTH,
    barHeight: BAR_HEIGHT,
    bars: rows.map((r, i) => {
      const value = r.value;
      const label = truncate(`${r.code}${r.pair ? ` (${r.pair})` : ''}`, 40);
      const y = 20 + i * BAR_HEIGHT;
      if (value === null) return { label, y, x: x(0), width: 0, value, band: 'unreliable' };
      return {
        label,
        y,
        x: x(Math.min(0, value)),
        width: Math.abs(x(value) - x(0)),
        value,
        band: value >= 0.8 ? 'reliable' : value >= 0.667 ? 'tentative' : 'unreliable',
      };
    }),
    guides: [0, 0.667, 0.8].map((value) => ({ x: x(value), value })),
  };
}

export const BAND_COLORS = { reliable: '#2e7d32', tentative: '#f9a825', unreliable: '#c62828' } as const;

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
