import type { BootstrapInterval } from '../reliability-data';
import type { Reading } from './reading';
import type { ReportRow, RowScope } from './report-rows';

/**
 * The agreement table as a paper prints it: one row per code (per code and coder pair where the
 * unit is pairwise), one column per coefficient, the number of units once per row, and a
 * confidence-interval column beside a coefficient that has intervals. Undefined values are
 * footnoted: each distinct reason is one numbered note. The app's view and the HTML report both
 * draw this matrix.
 */
export interface ReportMatrix {
  columns: MatrixColumn[];
  /** True when rows are per coder pair (char, span): the table then has a coders column. */
  pairwise: boolean;
  rows: MatrixRow[];
  /** Distinct reasons, in order of first use; a cell's `note` is an index into this list plus one. */
  notes: string[];
}

export type MatrixColumn = { kind: 'n' } | { kind: 'value'; metric: string } | { kind: 'interval'; metric: string; level: number };

export interface MatrixRow {
  code: string;
  scope: RowScope;
  /** "A|B" where the unit is pairwise. */
  pair: string | null;
  /** One cell per column, in the order of `columns`. */
  cells: MatrixCell[];
}

export type MatrixCell =
  | { kind: 'n'; n: number | null }
  /** `value` null: `note` names the reason. */
  | { kind: 'value'; metric: string; value: number | null; reading: Reading | null; note: number | null }
  /** `interval` null: `note` names why none is shown. */
  | { kind: 'interval'; metric: string; interval: BootstrapInterval | null; note: number | null }
  /** The coefficient is not computed for this row (cuα of a single code, say). */
  | { kind: 'none'; metric: string };

/**
 * Arranges report rows into the matrix. `metrics` are the coefficients to show, in column order;
 * rows of other coefficients are left out. Row order is the order codes first appear in `rows`.
 */
export function reportMatrix(rows: readonly ReportRow[], metrics: readonly string[]): ReportMatrix {
  const chosen = new Set(metrics);
  const shown = rows.filter((r) => chosen.has(r.metric));
  const notes: string[] = [];
  const note = (text: string): number => {
    const at = notes.indexOf(text);
    return at === -1 ? notes.push(text) : at + 1;
  };

  const byRow = new Map<string, { code: string; scope: RowScope; pair: string | null; cells: Map<string, ReportRow> }>();
  for (const r of shown) {
    const key = `${r.code}\u0000${r.pair ?? ''}`;
    let row = byRow.get(key);
    if (!row) {
      row = { code: r.code, scope: r.scope, pair: r.pair, cells: new Map() };
      byRow.set(key, row);
    }
    row.cells.set(r.metric, r);
  }

  const columns: MatrixColumn[] = [];
  if (shown.some((r) => r.n !== null)) columns.push({ kind: 'n' });
  for (const metric of metrics) {
    columns.push({ kind: 'value', metric });
    const asked = shown.filter((r) => r.metric === metric && (r.interval !== null || r.intervalNote !== null));
    if (asked.length > 0) columns.push({ kind: 'interval', metric, level: asked.find((r) => r.interval)?.interval?.level ?? 0.95 });
  }

  const matrixRows: MatrixRow[] = [...byRow.values()].map((row) => ({
    code: row.code,
    scope: row.scope,
    pair: row.pair,
    cells: columns.map((column): MatrixCell => {
      if (column.kind === 'n') {
        const n = [...row.cells.values()].find((r) => r.n !== null)?.n ?? null;
        return { kind: 'n', n };
      }
      const r = row.cells.get(column.metric);
      if (!r) return { kind: 'none', metric: column.metric };
      if (column.kind === 'value') {
        return { kind: 'value', metric: r.metric, value: r.value, reading: r.reading, note: r.value === null ? note(r.reason ?? 'not defined') : null };
      }
      return { kind: 'interval', metric: r.metric, interval: r.interval, note: r.intervalNote === null ? null : note(r.intervalNote) };
    }),
  }));
  return { columns, pairwise: shown.some((r) => r.pair !== null), rows: matrixRows, notes };
}
