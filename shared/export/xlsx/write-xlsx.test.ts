import { describe, expect, it } from 'vitest';

import type { ExportTable } from '../export-table';
import { readXlsx } from './read-xlsx.test-helpers';
import { sheetNames } from './sheet-names';
import { MAX_SHEET_ROWS, writeXlsx } from './write-xlsx';
import { columnLetters, MAX_CELL_CHARS } from './xlsx-text';

const table = (name: string, rows: ExportTable['rows']): ExportTable => ({
  name,
  columns: [
    { name: 'text', type: 'string' },
    { name: 'n', type: 'integer' },
    { name: 'flag', type: 'boolean' },
  ],
  rows,
});

async function written(tables: ExportTable[]): Promise<Uint8Array> {
  const result = await writeXlsx(tables);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('writeXlsx', () => {
  it('writes one sheet per table, in order, with a header row and typed cells', async () => {
    const bytes = await written([table('first', [['a', 1, true], [null, 0, false]]), table('second', [['b', 42, false]])]);
    const { files, sheets } = await readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['first', 'second']);
    expect(sheets[0]!.rows).toEqual([['text', 'n', 'flag'], ['a', 1, true], [null, 0, false]]);
    expect(sheets[1]!.rows).toEqual([['text', 'n', 'flag'], ['b', 42, false]]);
    expect(files.get('[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
    expect(files.has('xl/styles.xml')).toBe(true);
  });

  it('keeps a cell that looks like a formula as text: an inline string, never <f>', async () => {
    const { sheets } = await readXlsx(await written([table('s', [['=HYPERLINK("http://x")', 1, true], ['+1 agreed', 2, false], ['@you', 3, true]])]));
    const cells = sheets[0]!.cells.filter((c) => c.ref.startsWith('A') && c.ref !== 'A1');
    expect(cells.map((c) => [c.value, c.type, c.formula])).toEqual([
      ['=HYPERLINK("http://x")', 'inlineStr', false],
      ['+1 agreed', 'inlineStr', false],
      ['@you', 'inlineStr', false],
    ]);
    expect(sheets[0]!.xml).not.toMatch(/<f[ >]/);
  });

  it('escapes XML specials and control characters, and keeps emoji, combining marks and a literal _x0041_', async () => {
    const text = 'a < b & c > d "q" \u0001\u001F tab\there\nline 👩‍👩‍👧 q\u0301 _x0041_';
    const { sheets } = await readXlsx(await written([table('s', [[text, 1, true]])]));
    expect(sheets[0]!.rows[1]![0]).toBe(text);
    expect(sheets[0]!.xml).toContain('_x0001_');
  });

  it('replaces a lone surrogate and cuts text at Excel’s cell limit without splitting an emoji', async () => {
    const long = `${'x'.repeat(MAX_CELL_CHARS - 1)}😀tail`;
    const { sheets } = await readXlsx(await written([table('s', [['bad \uD800 half', 1, true], [long, 2, false]])]));
    expect(sheets[0]!.rows[1]![0]).toBe('bad \uFFFD half');
    expect(sheets[0]!.rows[2]![0]).toBe('x'.repeat(MAX_CELL_CHARS - 1));
  });

  it('refuses a table with more rows than a sheet holds, naming the sheet', async () => {
    const huge: ExportTable = { name: 'post x code', columns: [{ name: 'n', type: 'integer' }], rows: { length: MAX_SHEET_ROWS + 1 } as unknown as ExportTable['rows'] };
    const result = await writeXlsx([huge]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ record: 'sheet “post x code”', message: expect.stringContaining('export it as CSV or Parquet') });
  });

  it('writes a sheet name with XML specials escaped', async () => {
    const { sheets, files } = await readXlsx(await written([table('A & <B>', [])]));
    expect(sheets[0]!.name).toBe('A & <B>');
    expect(files.get('xl/workbook.xml')).toContain('name="A &amp; &lt;B&gt;"');
  });
});

describe('sheetNames', () => {
  it('keeps names within 31 characters, without forbidden characters, unique without regard to case', () => {
    const names = sheetNames(['segments', 'Segments', 'a/b:c?d*e[f]g\\h', 'x'.repeat(40), 'x'.repeat(40), "'quoted'", 'History', '', '👩‍👩‍👧'.repeat(10)]);
    expect(names.slice(0, 8)).toEqual(['segments', 'Segments (2)', 'a-b-c-d-e-f-g-h', 'x'.repeat(31), `${'x'.repeat(27)} (2)`, 'quoted', 'History (table)', 'Sheet']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(names[8]).toBe('👩‍👩‍👧'.repeat(3)); // 24 UTF-16 units; a fourth family would pass 31, and none is split
  });
});

describe('columnLetters', () => {
  it('counts A…Z, AA…, as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
