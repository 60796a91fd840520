/**
 * The reliability matrix as `unit,coder,value` CSV (RFC 4180, CRLF, blank = missing), one row per unit
 * and coder, so any other tool can recheck our coefficients; parseUnitsCsv reads it back.
 * Written by hand: the rule is one line, and csv-stringify takes seconds on a million-unit matrix.
 */
import { formulaSafeCell, type CsvSafety } from '../util/csv-safety';
import type { ReliabilityData } from './reliability-data';
import { UNITS_CSV_HEADER } from './units-csv';

// RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled; with `formula`,
// one made formula-safe (util/csv-safety.ts: units and coder names come from others' files) too.
const NEEDS_QUOTES = /[",\r\n]/;
const rawField = (text: string) => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const safeField = (text: string) => {
  const safe = formulaSafeCell(text);
  return safe === text ? rawField(text) : `"${safe.replaceAll('"', '""')}"`;
};

export function reliabilityMatrixCsv(data: ReliabilityData, safety: CsvSafety = 'raw'): string {
  const field = safety === 'formula' ? safeField : rawField;
  const lines = [UNITS_CSV_HEADER.join(',')];
  const coders = data.coders.map(field);
  data.units.forEach((unit, u) => {
    const prefix = `${field(unit)},`;
    const row = data.values[u];
    coders.forEach((coder, c) => {
      const value = row?.[c];
      // String(n) is the shortest text that reads back as the same double.
      lines.push(`${prefix}${coder},${value === null || value === undefined ? '' : field(String(value))}`);
    });
  });
  return `${lines.join('\r\n')}\r\n`;
}
