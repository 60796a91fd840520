import { csvWithSafety, type CsvSafety } from '../../util/csv-safety';
import type { ReportRow } from './report-rows';

/** Machine names throughout (coefficient-names.ts has the names a reader sees), so other tools can read it. */
export const REPORT_CSV_HEADER = ['code', 'coder_pair', 'coefficient', 'n', 'value', 'ci_low', 'ci_high', 'ci_level', 'reading', 'undefined_reason', 'ci_note'] as const;

/**
 * The agreement table as CSV, numbers unrounded (String(n) reads back as the same double). Code
 * and coder names come from other people's files: `formula` (the app's default) keeps them from
 * running as spreadsheet formulas (util/csv-safety.ts); numbers are never prefixed.
 */
export function reportCsv(rows: readonly ReportRow[], safety: CsvSafety = 'raw'): string {
  const cell = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));
  return csvWithSafety([
    [...REPORT_CSV_HEADER],
    ...rows.map((r) => [
      r.code,
      r.pair ?? '',
      r.metric,
      cell(r.n),
      cell(r.value),
      cell(r.interval?.low),
      cell(r.interval?.high),
      cell(r.interval?.level),
      r.reading ?? '',
      r.reason ?? '',
      r.intervalNote ?? '',
    ]),
  ], safety);
}
