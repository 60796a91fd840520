/**
 * What each chart draws, taken from the same tables the grids show (so a chart and its table
 * alternative carry the same numbers): bars per code, stacked bars per month and code, the
 * co-occurrence heatmap's cells.
 */
import type { CodeTable } from '@shared/analysis/tables/code-table';
import type { CoOccurrenceMatrix } from '@shared/analysis/tables/co-occurrence';
import { NO_DATE_KEY } from '@shared/analysis/tables/table-columns';

export interface ChartCode {
  codeId: string;
  label: string;
  color: string;
}

export interface BarDatum extends ChartCode {
  value: number;
}

/** Each code with anything counted, in tree order, with its row total. */
export function codeBars(table: CodeTable): BarDatum[] {
  return table.rows.filter((r) => r.total > 0).map((r) => ({ codeId: r.codeId, label: r.path, color: r.color, value: r.total }));
}

export interface StackDatum {
  month: string;
  codeId: string;
  value: number;
}

export interface MonthStacks {
  /** Every month from the first to the last dated one. */
  months: string[];
  /** The codes with something in a dated month, in tree order: the legend. */
  codes: ChartCode[];
  /** One segment per month and code with a count. */
  data: StackDatum[];
  /** What the table counts in posts without a time, left out of the chart. */
  undated: number;
}

/** The code × month table as stacks: a bar per month, a segment per code. */
export function monthStacks(table: CodeTable): MonthStacks {
  if (table.cols !== 'month') throw new Error('monthStacks needs a code × month table');
  const dated = table.columns.flatMap((c, i) => (c.key === NO_DATE_KEY ? [] : [{ month: c.key, i }]));
  const undatedAt = table.columns.findIndex((c) => c.key === NO_DATE_KEY);
  const codes: ChartCode[] = [];
  const data: StackDatum[] = [];
  for (const row of table.rows) {
    const segments = dated.flatMap(({ month, i }) => (row.cells[i]! > 0 ? [{ month, codeId: row.codeId, value: row.cells[i]! }] : []));
    if (segments.length === 0) continue;
    codes.push({ codeId: row.codeId, label: row.path, color: row.color });
    data.push(...segments);
  }
  const undated = undatedAt === -1 ? 0 : table.rows.reduce((sum, r) => sum + r.cells[undatedAt]!, 0);
  return { months: dated.map((d) => d.month), codes, data, undated };
}

export interface HeatDatum {
  row: string;
  col: string;
  value: number;
}

export interface Heatmap {
  /** The codes with at least one unit, in tree order (rows and columns alike). */
  codes: ChartCode[];
  /** One cell per pair with a value (Jaccard's undefined cells are left blank). */
  data: HeatDatum[];
  max: number;
}

export function heatmap(matrix: CoOccurrenceMatrix): Heatmap {
  const used = matrix.codes.flatMap((c, i) => (matrix.units[i]! > 0 ? [{ code: c, i }] : []));
  const data: HeatDatum[] = [];
  for (const a of used) {
    for (const b of used) {
      const value = matrix.values[a.i]![b.i];
      if (value !== null && value !== undefined) data.push({ row: a.code.codeId, col: b.code.codeId, value });
    }
  }
  return {
    codes: used.map(({ code }) => ({ codeId: code.codeId, label: code.path, color: code.color })),
    data,
    max: data.reduce((m, d) => Math.max(m, d.value), 0),
  };
}
