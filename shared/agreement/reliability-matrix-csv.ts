/**
 * The reliability matrix as `unit,coder,value` CSV (RFC 4180, CRLF, blank = missing), one row per unit
 * and coder, so any other tool can recheck our coefficients; parseUnitsCsv reads it back.
 * As in coded-segments-csv, csv-stringify's browser entry runs in the renderer and in Node, and we
 * add the quoting of bare LF and CR that RFC 4180 requires.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

import type { ReliabilityData } from './reliability-data';
import { UNITS_CSV_HEADER } from './units-csv';

export function reliabilityMatrixCsv(data: ReliabilityData): string {
  const rows: string[][] = [[...UNITS_CSV_HEADER]];
  data.units.forEach((unit, u) => {
    const row = data.values[u];
    data.coders.forEach((coder, c) => {
      const value = row?.[c];
      // String(n) is the shortest text that reads back as the same double.
      rows.push([unit, coder, value === null || value === undefined ? '' : String(value)]);
    });
  });
  return stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
