/**
 * Coded segments CSV: one row per coding, for R, pandas and SPSS (docs/formats.md).
 * RFC 4180 with CRLF record ends; the caller encodes the string as UTF-8 without BOM.
 * The rows and columns are codedSegmentsTable's (coded-segments-table.ts).
 */
import type { Bundle } from '../bundle/bundle';
import { toCsv } from '../util/csv';
import { CODED_SEGMENTS_HEADER, codedSegmentsTable } from './coded-segments-table';
import { cellText } from './export-table';

export { CODED_SEGMENTS_HEADER } from './coded-segments-table';

export interface CodedSegmentsCsvOptions {
  /**
   * Prefix `'` to cells that a spreadsheet would run as a formula (OWASP CSV injection).
   * Off by default: raw mode is lossless for R/pandas.
   */
  spreadsheetSafe?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function codedSegmentsCsv(bundle: Bundle, options: CodedSegmentsCsvOptions = {}): string {
  const rows = codedSegmentsTable(bundle).rows.map((row) => row.map(cellText));
  const safe = options.spreadsheetSafe === true;
  const body = safe ? rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))) : rows;
  // Escaped formula cells are quoted as OWASP advises.
  return toCsv([[...CODED_SEGMENTS_HEADER], ...body], safe ? { alsoQuote: /^'[=+\-@\t\r]/ } : {});
}
