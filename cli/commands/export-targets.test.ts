import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import { ANALYSIS_EXPORTS, tableCsv } from '@shared/export/analysis-exports';
import { postCodeMatrix, threadCodeMatrix } from '@shared/export/code-matrix';
import { readParquetRows } from '@shared/export/read-parquet.test-helpers';
import { readXlsx } from '@shared/export/xlsx/read-xlsx.test-helpers';

import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const good = serializeBundle(exampleBundle());
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('threadmark export --to (analysis)', () => {
  it('matrix-csv, binary-matrix-csv and thread-matrix-csv write the matrices as CSV', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', 'matrix-csv', '-o', 'm.csv'], m.io)).toBe(0);
    expect(await run(['export', 'b.json', '--identified', '--to', 'binary-matrix-csv', '-o', 'b.csv'], m.io)).toBe(0);
    expect(await run(['export', 'b.json', '--identified', '--to', 'thread-matrix-csv', '-o', 't.csv'], m.io)).toBe(0);
    expect(decode(m.bytes.get('m.csv'))).toBe(tableCsv(postCodeMatrix(exampleBundle())));
    expect(decode(m.bytes.get('b.csv'))).toBe(tableCsv(postCodeMatrix(exampleBundle(), { binary: true })));
    expect(decode(m.bytes.get('t.csv'))).toBe(tableCsv(threadCodeMatrix(exampleBundle())));
    expect(decode(m.bytes.get('m.csv')).split('\r\n')[0]).toBe('post_id,thread_id,parent_id,platform,platform_id,author,created_at,Fallacy,Fallacy > False equivalence,Derailing');
    expect(m.stdout()).toBe('wrote 3 posts to m.csv\nwrote 3 posts to b.csv\nwrote 2 threads to t.csv\n');
  });

  it('xlsx writes the workbook: five sheets, the formula-looking quote as text', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', 'xlsx', '-o', 'a.xlsx'], m.io)).toBe(0);
    const { sheets } = await readXlsx(m.bytes.get('a.xlsx')!);
    expect(sheets.map((s) => s.name)).toEqual(['segments', 'post x code', 'thread x code', 'codebook', 'coders']);
    const segments = sheets[0]!;
    const quote = segments.rows[0]!.indexOf('quote');
    const formula = segments.rows.find((r) => r[0] === 'c-formula')!;
    expect(formula[quote]).toBe('=HYPERLINK("http://x")');
    expect(segments.cells.filter((c) => c.formula)).toEqual([]);
    expect(sheets[4]!.rows).toEqual([['coder_id', 'name', 'codings'], ['u-ana', 'Ana', 4], ['u-ben', 'Ben, "B" 👩‍👩‍👧', 1]]);
    expect(m.stdout()).toBe('wrote 5 codings to a.xlsx\n');
  });

  it('parquet and matrix-parquet write what hyparquet reads back; --coder narrows to one layer', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', 'parquet', '--coder', 'ben, "b" 👩‍👩‍👧', '-o', 's.parquet'], m.io)).toBe(0);
    expect(await run(['export', 'b.json', '--identified', '--to', 'matrix-parquet', '-o', 'm.parquet'], m.io)).toBe(0);
    const segments = await readParquetRows(m.bytes.get('s.parquet')!);
    expect(segments.map((r) => [r.coding_id, r.start, r.end, r.quote])).toEqual([['c-family', 21, 26, '👩‍👩‍👧']]);
    const matrix = await readParquetRows(m.bytes.get('m.parquet')!);
    expect(matrix.map((r) => r.Derailing)).toEqual([0, 1, 0]);
    expect(m.stdout()).toBe('wrote 1 coding to s.parquet\nwrote 3 posts to m.parquet\n');
  });

  it.each(['matrix-csv', 'binary-matrix-csv', 'thread-matrix-csv', 'parquet', 'matrix-parquet', 'xlsx'] as const)('--to %s writes what the app’s Export for analysis writes (the same shared build)', async (to) => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', to, '-o', 'out'], m.io)).toBe(0);
    const built = await ANALYSIS_EXPORTS[to].build(exampleBundle());
    if (!built.ok) throw new Error(built.error.message);
    if (to === 'xlsx') expect((await readXlsx(m.bytes.get('out')!)).sheets).toEqual((await readXlsx(built.value.bytes)).sheets);
    else expect(m.bytes.get('out')).toEqual(built.value.bytes);
  });

  it('prints a matrix CSV with -o -, and refuses binary formats on stdout', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', 'thread-matrix-csv', '-o', '-'], m.io)).toBe(0);
    expect(m.stdout()).toBe(tableCsv(threadCodeMatrix(exampleBundle())));
    const x = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', 'xlsx', '-o', '-'], x.io)).toBe(2);
    expect(x.stderr()).toContain('threadmark: xlsx is binary: write it to a file with -o <file>\n');
  });

  it('writes nothing for an unknown coder, and names the output it cannot write', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', 'xlsx', '--coder', 'Zoe', '-o', 'a.xlsx'], m.io)).toBe(1);
    expect(m.stderr()).toBe('b.json: no coder “Zoe” (coders: Ana, Ben, "B" 👩‍👩‍👧)\nthreadmark: nothing written\n');
    expect(m.bytes.size).toBe(0);
    const r = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--identified', '--to', 'parquet', '-o', '/readonly/s.parquet'], r.io)).toBe(1);
    expect(r.stderr()).toBe('threadmark: cannot write /readonly/s.parquet: permission denied\n');
  });
});
