/** The tables as CSV (one header row, a row per code, and a totals row for the code table). */
import { toCsv } from '../../util/csv';
import type { CodeTable } from './code-table';
import type { CoOccurrenceMatrix } from './co-occurrence';

// A code or thread named "=cmd" must not run as a spreadsheet formula (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
const csv = (rows: string[][]): string => toCsv(rows.map((r) => r.map(safe)), { alsoQuote: /^'[=+\-@\t\r]/ });

export function codeTableCsv(table: CodeTable): string {
  return csv([
    ['code', ...table.columns.map((c) => c.label), 'total'],
    ...table.rows.map((r) => [r.path, ...r.cells.map(String), String(r.total)]),
    ['total', ...table.columns.map((c) => String(c.total)), String(table.total)],
  ]);
}

/** Counts as whole numbers, Jaccard unrounded (empty where undefined). */
export function coOccurrenceCsv(matrix: CoOccurrenceMatrix): string {
  return csv([['code', ...matrix.codes.map((c) => c.path)], ...matrix.codes.map((c, i) => [c.path, ...matrix.values[i]!.map((v) => (v === null ? '' : String(v)))])]);
}
