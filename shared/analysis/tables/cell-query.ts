/**
 * "A cell opens its segments": the retrieval (SegmentQuery, the Segments tab's and
 * `threadmark segments`' query) that lists the codings a cell counted. Null where no retrieval
 * says it: an empty cell, a column total (several codes), posts without a time (the retrieval's
 * month filter has no "no date").
 */
import type { SegmentQuery } from '../segments/segment-query';
import type { CodeTable } from './code-table';
import type { CoOccurrenceMatrix } from './co-occurrence';
import { parseAttributeColumns } from './attribute-columns';
import { NO_DATE_KEY } from './table-columns';
import type { TableColumnKind } from './table-options';

/** The codings of row `row` (a code) in column `col`, or the whole row when `col` is null. */
export function codeTableCellQuery(table: CodeTable, row: number, col: number | null): SegmentQuery | null {
  const code = table.rows[row];
  if (!code) return null;
  const value = col === null ? code.total : code.cells[col];
  if (value === undefined || value === 0) return null;
  const query: SegmentQuery = { codeId: code.codeId, includeSubcodes: false, ...coders(table.coderIds) };
  // An attribute column's value as the attribute condition that picks its cases ("" = no value);
  // a row total: any column's value (codings of posts without an author case are not counted).
  const attribute = parseAttributeColumns(table.cols);
  if (attribute) return { ...query, attributes: [{ ...attribute, values: col === null ? table.columns.map((c) => c.key) : [table.columns[col]!.key] }] };
  if (col === null) return query;
  const key = table.columns[col]!.key;
  switch (table.cols as TableColumnKind) {
    case 'thread':
      return { ...query, threadIds: [key] };
    case 'author':
      return { ...query, authors: [key] };
    case 'platform':
      return { ...query, platforms: [key] };
    case 'coder':
      return { ...query, coderIds: [key] };
    case 'month':
      return key === NO_DATE_KEY ? null : { ...query, month: key };
  }
}

/**
 * The codings of code `row` that co-occur with code `col` as the matrix counts: overlapping a
 * coding of the other (overlap), in a post holding one (post), in a thread holding one (thread).
 * On the diagonal: all of the code's codings.
 */
export function coOccurrenceCellQuery(matrix: CoOccurrenceMatrix, row: number, col: number): SegmentQuery | null {
  const a = matrix.codes[row];
  const b = matrix.codes[col];
  if (!a || !b || (matrix.counts[row]?.[col] ?? 0) === 0) return null;
  const query: SegmentQuery = { codeId: a.codeId, includeSubcodes: false, ...coders(matrix.coderIds) };
  if (row === col) return query;
  switch (matrix.by) {
    case 'overlap':
      return { ...query, combine: { kind: 'overlap', codeId: b.codeId, includeSubcodes: false } };
    case 'post':
      return { ...query, combine: { kind: 'and-same-post', codeId: b.codeId, includeSubcodes: false } };
    case 'thread':
      // A's codings lie in threads holding A; keeping those holding B leaves the threads with both.
      return { ...query, threadIds: matrix.threadsOf[col]! };
  }
}

const coders = (ids: readonly string[]): Pick<SegmentQuery, 'coderIds'> => (ids.length > 0 ? { coderIds: [...ids] } : {});
