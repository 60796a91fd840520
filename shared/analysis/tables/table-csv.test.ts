import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '../../model/records';
import { buildCodeTable } from './code-table';
import { buildCoOccurrence } from './co-occurrence';
import { randomTableProject, tableInputOf } from './random-project.test-helpers';
import { coOccurrenceCsv, codeTableCsv } from './table-csv';

describe('tables as CSV', () => {
  it('the code table: a header of column labels, a row per code path, a totals row, every figure the table’s', () => {
    const table = buildCodeTable(tableInputOf(randomTableProject(2)), { cols: 'month', count: 'chars' });
    const rows = parse(codeTableCsv(table)) as string[][];
    expect(rows[0]).toEqual(['code', ...table.columns.map((c) => c.label), 'total']);
    expect(rows[0]).toContain('no date');
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(table.rows.map((r) => r.path));
    expect(rows.slice(1, -1).map((r) => r.slice(1).map(Number))).toEqual(table.rows.map((r) => [...r.cells, r.total]));
    expect(rows.at(-1)).toEqual(['total', ...table.columns.map((c) => String(c.total)), String(table.total)]);
  });

  it('the matrix: Jaccard unrounded, empty where undefined; a code named like a formula cannot run', () => {
    const project = randomTableProject(3);
    const codes: Code[] = [...project.codes, { id: 'k-eq', name: '=HYPERLINK("x")', parentId: null, color: '#000000', order: 9, ...EMPTY_CODE_FIELDS }];
    const matrix = buildCoOccurrence(tableInputOf({ ...project, codes }), { by: 'post', measure: 'jaccard' });
    const rows = parse(coOccurrenceCsv(matrix)) as string[][];
    expect(rows[0]!.at(-1)).toBe(`'=HYPERLINK("x")`);
    expect(rows.at(-1)![0]).toBe(`'=HYPERLINK("x")`);
    // Never used: 0 beside a used code, undefined (empty) beside an unused one.
    expect(rows.at(-1)!.slice(1)).toEqual(matrix.units.map((u) => (u > 0 ? '0' : '')));
    expect(rows.slice(1).map((r) => r.slice(1).map((v) => (v === '' ? null : Number(v))))).toEqual(matrix.values);
  });
});
