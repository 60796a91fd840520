/**
 * Reads reliability data from a `unit,coder,value` CSV (RFC 4180; a blank value is missing).
 * csv-parse's `browser/esm/sync` entry is the one that runs unchanged in the renderer (no Node
 * `Buffer`) and in Node. Parsing is strict so that a malformed file fails with its line instead of
 * silently shifting values between coders.
 */
import { parse, type CsvError, type Info } from 'csv-parse/browser/esm/sync';

import { MAX_CSV_RECORD_CHARS } from '../import/input-limits';
import { err, ok, type Result } from '../util/result';
import type { RatingValue, ReliabilityData } from './reliability-data';

export const UNITS_CSV_HEADER = ['unit', 'coder', 'value'] as const;

// max_record_size: a runaway quote or a huge cell is refused on its line, not grown until the heap dies.
const STRICT = { bom: true, relax_column_count: false, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: MAX_CSV_RECORD_CHARS };
// Decimal notation only: Number() would also accept "", "0x1F" and "Infinity".
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseUnitsCsv(text: string): Result<ReliabilityData, string[]> {
  const units = new Labels();
  const coders = new Labels();
  // One entry per data row, in parallel arrays: a million-row file makes no million objects.
  const rowUnit: number[] = [];
  const rowCoder: number[] = [];
  const rowValue: string[] = [];
  const rowLine: number[] = [];
  const problems: string[] = [];
  // undefined until the first record; null if that record is not a valid header.
  let header = undefined as number[] | null | undefined;
  let nextLine = 1;
  // Values become numbers only if every non-blank one is a decimal number.
  let numeric = true;
  try {
    parse(text, {
      ...STRICT,
      // Rows are consumed as they are parsed and dropped (null), so the file is not held twice.
      on_record: (record: string[], info: Info) => {
        // Every line belongs to a record (blank lines are errors), so a record starts after the last one ended.
        const line = nextLine;
        nextLine = info.lines + 1;
        if (header === undefined) {
          header = readHeader(record);
          if (!header) problems.push(`line ${line}: the header must name the columns unit, coder and value (found "${record.join(',')}")`);
          return null;
        }
        if (!header) return null;
        const unit = record[header[0]!]!;
        const coder = record[header[1]!]!;
        const value = record[header[2]!]!;
        if (unit.trim() === '') problems.push(`line ${line}: unit is empty`);
        if (coder.trim() === '') problems.push(`line ${line}: coder is empty`);
        rowUnit.push(units.index(unit));
        rowCoder.push(coders.index(coder));
        rowValue.push(value);
        rowLine.push(line);
        if (numeric && !isBlank(value) && !isDecimal(value)) numeric = false;
        return null;
      },
    });
  } catch (e) {
    // After a bad header, csv-parse's field counts are measured against it and say nothing useful.
    return err(header === null ? problems : [...problems, describeCsvError(e, nextLine)]);
  }
  if (header === undefined) return err(['the file is empty: expected the header unit,coder,value']);
  if (problems.length > 0) return err(problems);

  const nCoders = coders.labels.length;
  const firstLine = new Int32Array(units.labels.length * nCoders);
  for (let r = 0; r < rowLine.length; r++) {
    const key = rowUnit[r]! * nCoders + rowCoder[r]!;
    const first = firstLine[key]!;
    if (first === 0) firstLine[key] = rowLine[r]!;
    else problems.push(`line ${rowLine[r]}: unit "${units.labels[rowUnit[r]!]}" already has a value from coder "${coders.labels[rowCoder[r]!]}" (line ${first})`);
  }
  if (problems.length > 0) return err(problems);

  const values = units.labels.map(() => new Array<RatingValue | null>(nCoders).fill(null));
  for (let r = 0; r < rowValue.length; r++) {
    const value = rowValue[r]!;
    if (!isBlank(value)) values[rowUnit[r]!]![rowCoder[r]!] = numeric ? Number(value) : value;
  }
  return ok({ units: units.labels, coders: coders.labels, values });
}

const isBlank = (value: string) => value.trim() === '';

function isDecimal(value: string): boolean {
  const trimmed = value.trim();
  return NUMBER.test(trimmed) && Number.isFinite(Number(trimmed));
}

// The fast path (units-csv-fast.ts) decides blank, number and header exactly as this parser does.
export { isBlank as isBlankUnitsValue, isDecimal as isDecimalUnitsValue, readHeader as readUnitsCsvHeader };

/** Column positions of unit, coder and value, in any order and letter case; null if not exactly those. */
function readHeader(record: readonly string[]): number[] | null {
  const names = record.map((name) => name.trim().toLowerCase());
  const positions = UNITS_CSV_HEADER.map((name) => names.indexOf(name));
  return record.length === UNITS_CSV_HEADER.length && positions.every((p) => p !== -1) ? positions : null;
}

/** A csv-parse error named by the line where the failing row starts (csv-parse counts to where it stopped). */
function describeCsvError(e: unknown, line: number): string {
  const error = e as Partial<CsvError> & { record?: string[] };
  if (typeof error.code !== 'string') throw e;
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && error.record) {
    const found = error.record.length === 1 && error.record[0] === '' ? 'a blank line' : `${error.record.length} fields`;
    return `line ${line}: expected 3 fields (unit,coder,value), found ${found}`;
  }
  return `line ${line}: ${(error.message ?? '').replace(/ (?:at|on) line \d+/, '')}`;
}

/** Labels in order of first appearance, with their index. */
class Labels {
  readonly labels: string[] = [];
  private readonly indices = new Map<string, number>();

  index(label: string): number {
    let i = this.indices.get(label);
    if (i === undefined) {
      i = this.labels.length;
      this.indices.set(label, i);
      this.labels.push(label);
    }
    return i;
  }
}
