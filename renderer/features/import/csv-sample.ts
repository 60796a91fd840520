/** The first rows of a table for the column-mapping preview, read leniently from the file's head. */
import { parse } from 'csv-parse/browser/esm/sync';

import type { CsvDelimiter } from '@shared/import/formats/csv-table';

export function csvSample(head: string, delimiter: CsvDelimiter, rows: number): string[][] {
  // Only whole lines: the head may end in the middle of one.
  const lastBreak = head.lastIndexOf('\n');
  const text = lastBreak === -1 ? head : head.slice(0, lastBreak + 1);
  try {
    const records = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: rows + 1 }) as string[][];
    return records.slice(1, rows + 1);
  } catch {
    return [];
  }
}
