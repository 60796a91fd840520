/**
 * RFC 4180 CSV text from rows of cells: CRLF record ends, quotes where needed.
 * csv-stringify's `browser/esm/sync` entry runs unchanged in the renderer (Vite, no Node Buffer)
 * and in Node (CLI, tests). It quotes fields containing the record delimiter (CRLF) but not a
 * bare LF or CR, which RFC 4180 requires, so that rule is added here.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: { alsoQuote?: RegExp } = {}): string {
  const quoted_match = options.alsoQuote ? [/[\r\n]/, options.alsoQuote] : /[\r\n]/;
  return stringify(rows as string[][], { record_delimiter: '\r\n', quoted_match });
}
