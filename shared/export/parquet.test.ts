import { describe, expect, it } from 'vitest';

import { exampleBundle, REPLY_TEXT } from '../bundle/fixtures.test-helpers';
import { codePointLength } from '../text/offsets';
import { codedSegmentsTable } from './coded-segments-table';
import { postCodeMatrix } from './code-matrix';
import { writeParquet } from './parquet';
import { parquetColumns, readParquetRows } from './read-parquet.test-helpers';

const read = (bytes: Uint8Array) => ({ bytes, rows: readParquetRows(bytes) });

describe('writeParquet', () => {
  it('writes the segments table so hyparquet reads back every row and value', async () => {
    const bundle = exampleBundle();
    bundle.codes[1]!.exemplarCodingIds = ['c-family'];
    const table = codedSegmentsTable(bundle);
    const { bytes, rows } = read(writeParquet(table));
    const back = await rows;
    expect(back).toHaveLength(bundle.codings.length);
    const expected = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]])));
    expect(back).toEqual(expected);
    const whole = back.find((r) => r.coding_id === 'c-whole')!;
    expect(whole).toMatchObject({ start: 0, end: codePointLength(REPLY_TEXT), quote: REPLY_TEXT, parent_id: 'p-1', exemplar: false });
    expect(back.find((r) => r.coding_id === 'c-emoji')).toMatchObject({ parent_id: null, created_at: null, start: 33, end: 34 });
    expect(back.find((r) => r.coding_id === 'c-family')?.exemplar).toBe(true);
    expect(back.find((r) => r.coding_id === 'c-formula')?.quote).toBe('=HYPERLINK("http://x")');

    const schema = parquetColumns(bytes);
    expect(schema).toContainEqual(['start', 'INT32', 'REQUIRED']);
    expect(schema).toContainEqual(['exemplar', 'BOOLEAN', 'REQUIRED']);
    expect(schema).toContainEqual(['quote', 'BYTE_ARRAY', 'OPTIONAL']);
  });

  it('writes the post × code matrix with a column per code path', async () => {
    const table = postCodeMatrix(exampleBundle());
    const back = await read(writeParquet(table)).rows;
    expect(back.map((r) => r.post_id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(back.find((r) => r.post_id === 'p-2')).toMatchObject({ Fallacy: 1, 'Fallacy > False equivalence': 1, Derailing: 1 });
    expect(back.find((r) => r.post_id === 'p-3')).toMatchObject({ Fallacy: 0, 'Fallacy > False equivalence': 1, Derailing: 0 });
  });

  it('writes an empty table as a valid file with its columns', async () => {
    const { bytes, rows } = read(writeParquet(codedSegmentsTable({ ...exampleBundle(), codings: [] })));
    expect(await rows).toEqual([]);
    expect(parquetColumns(bytes).map(([name]) => name)).toContain('exemplar');
  });
});
