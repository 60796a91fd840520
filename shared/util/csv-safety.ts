/**
 * Formula-safe CSV cells (OWASP "CSV Injection", ASVS 5.0 V1.2.10; ../shared/docs/reliability.md
 * §3.4): code names, coder names, memos and posts come from other people's files, and a
 * spreadsheet runs a cell starting with = + - @ TAB CR (or NUL) as a formula (`=HYPERLINK(…)`).
 * `formula` prefixes such a cell with ' and quotes it; `raw` writes every cell exactly as stored
 * (for R, pandas, scripts). A plain number (-0.25, +3, 1e-5) is left alone in both modes: it is
 * no formula, and a prefix would turn a coefficient or a rating into text.
 * The defaults (docs/decisions/0014-csv-safety-and-one-writer.md): the app writes `formula`, the CLI `raw`.
 */
import { toCsv } from './csv';

export const CSV_SAFETY_MODES = ['formula', 'raw'] as const;
export type CsvSafety = (typeof CSV_SAFETY_MODES)[number];

export const FORMULA_START = /^[=+\-@\t\r\0]/;
/** Also a cell already starting with ' before such a character, so that unescaping is exact. */
const NEEDS_PREFIX = /^'*[=+\-@\t\r\0]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A cell this module prefixed: quoted too, so the ' is plainly part of the text. */
const ESCAPED = /^''*[=+\-@\t\r\0]/;

export function formulaSafeCell(cell: string): string {
  return NEEDS_PREFIX.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Undoes formulaSafeCell (for importers of our own files): exactly the ' it added, nothing else. */
export function unescapeFormulaCell(cell: string): string {
  const rest = cell.slice(1);
  return cell.startsWith("'") && NEEDS_PREFIX.test(rest) && !PLAIN_NUMBER.test(rest) ? rest : cell;
}

/** RFC 4180 CSV (CRLF, quotes where needed) with every cell made formula-safe when asked. */
export function csvWithSafety(rows: ReadonlyArray<ReadonlyArray<string>>, safety: CsvSafety): string {
  if (safety === 'raw') return toCsv(rows);
  return toCsv(
    rows.map((row) => row.map(formulaSafeCell)),
    { alsoQuote: ESCAPED },
  );
}

export function isCsvSafety(value: unknown): value is CsvSafety {
  return (CSV_SAFETY_MODES as readonly unknown[]).includes(value);
}
