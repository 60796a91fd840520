/** The tables as CSV (one header row, a row per code, and a totals row for the code table). */
import { csvWithSafety, type CsvSafety } from '../../util/csv-safety';
import type { CodeTable } from './code-table';
import type { CoOccurrenceMatrix } from './co-occurrence';

// A code or thread named "=cmd" must not run as a spreadsheet formula (OWASP CSV injection):
// these tables are written by the app only, for spreadsheets, so formula-safe by default.
export function codeTableCsv(table: CodeTable, safety: CsvSafety = 'formula'): string {
  return csvWithSafety([
    ['code', ...table.columns.map((c) => c.label), 'total'],
    ...table.rows.map((r) => [r.path, ...r.cells.map(String), String(r.total)]),
    ['total', ...table.columns.map((c) => String(c.total)), String(table.total)],
  ], safety);
}

/** Counts as whole numbers, Jaccard unrounded (empty where undefined). */
export function coOccurrenceCsv(matrix: CoOccurrenceMatrix, safety: CsvSafety = 'formula'): string {
  return csvWithSafety([['code', ...matrix.codes.map((c) => c.path)], ...matrix.codes.map((c, i) => [c.path, ...matrix.values[i]!.map((v) => (v === null ? '' : String(v)))])], safety);
}
