import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code, type Coding, type Post } from '../../model/records';
import { MemoryProjectStore } from '../../project/memory-store';
import { buildCodeTable, codeTable } from './code-table';
import { filteredCodings, naiveColumnKey, naiveMeasure } from './naive-counts.test-helpers';
import { randomTableProject, storeOf, tableInputOf } from './random-project.test-helpers';
import { TABLE_COLUMN_KINDS, TABLE_COUNTS } from './table-options';

const T0 = '2025-01-01T00:00:00.000Z';
const code = (id: string, name: string, order: number, parentId: string | null = null): Code => ({ id, name, parentId, color: '#000000', order, ...EMPTY_CODE_FIELDS });
const post = (id: string, author: string, createdAt: string | null): Post => ({ id, threadId: 't1', parentId: null, author, createdAt, text: '0123456789', platform: 'reddit', platformId: id, url: null, meta: {} });
const coding = (id: string, postId: string, codeId: string, coderId: string, start: number, end: number): Coding => ({ id, postId, threadId: 't1', codeId, coderId, start, end, quote: '0123456789'.slice(start, end), memo: '', createdAt: T0, updatedAt: T0 });

/** Two codes, two coders; in p1 Ada's A [0,5) and Ben's A [3,8) overlap, B [2,4) lies inside both. */
function smallProject(): MemoryProjectStore {
  return new MemoryProjectStore({
    threads: [{ id: 't1', title: 'One', platform: 'reddit', rootPostId: 'p1', importedAt: T0, source: 'test' }],
    posts: [post('p1', 'cem', '2025-01-10T00:00:00.000Z'), post('p2', 'dee', '2025-03-02T00:00:00.000Z'), post('p3', 'dee', null)],
    codes: [code('b', 'B', 1), code('a', 'A', 0), code('a1', 'A child', 0, 'a')],
    coders: [
      { id: 'ben', name: 'Ben' },
      { id: 'ada', name: 'Ada' },
    ],
    codings: [coding('1', 'p1', 'a', 'ada', 0, 5), coding('2', 'p1', 'a', 'ben', 3, 8), coding('3', 'p1', 'b', 'ada', 2, 4), coding('4', 'p2', 'a', 'ada', 0, 2), coding('5', 'p3', 'b', 'ben', 0, 1)],
  });
}

describe('codeTable', () => {
  it('rows are the codes in tree order with their paths; coder columns by name', async () => {
    const table = await smallProject().read((r) => codeTable(r, { cols: 'coder', count: 'codings' }));
    expect(table.rows.map((r) => [r.path, r.depth])).toEqual([
      ['A', 0],
      ['A > A child', 1],
      ['B', 0],
    ]);
    expect(table.columns.map((c) => [c.key, c.label, c.total])).toEqual([
      ['ada', 'Ada', 3],
      ['ben', 'Ben', 2],
    ]);
    expect(table.rows.map((r) => [...r.cells, r.total])).toEqual([
      [2, 1, 3],
      [0, 0, 0],
      [1, 1, 2],
    ]);
    expect(table.total).toBe(5);
  });

  it('characters: a code point two codings of a code cover counts once, in cells and totals', async () => {
    const table = await smallProject().read((r) => codeTable(r, { cols: 'coder', count: 'chars' }));
    // A: Ada 5 + 2, Ben 5; the row counts p1's [0,8) once: 8 + 2, not 12.
    expect(table.rows[0]).toMatchObject({ cells: [7, 5], total: 10 });
    expect(table.rows[2]).toMatchObject({ cells: [2, 1], total: 3 });
    // Ada's column: p1 [0,5) ∪ [2,4) = 5, p2 2; the grand total: p1 [0,8) 8, p2 2, p3 1.
    expect(table.columns.map((c) => c.total)).toEqual([7, 6]);
    expect(table.total).toBe(11);
  });

  it('posts: a post in two columns is one post in the row total', async () => {
    const table = await smallProject().read((r) => codeTable(r, { cols: 'coder', count: 'posts' }));
    expect(table.rows[0]).toMatchObject({ cells: [2, 1], total: 2 });
    expect(table.total).toBe(3);
  });

  it('months run without gaps, posts without a time last; a coder filter narrows every cell', async () => {
    const table = await smallProject().read((r) => codeTable(r, { cols: 'month', count: 'codings', coderIds: ['ada'] }));
    expect(table.columns.map((c) => [c.key, c.label])).toEqual([
      ['2025-01', '2025-01'],
      ['2025-02', '2025-02'],
      ['2025-03', '2025-03'],
    ]);
    expect(table.rows[0]!.cells).toEqual([1, 0, 1]);
    const all = await smallProject().read((r) => codeTable(r, { cols: 'month', count: 'codings' }));
    expect(all.columns.map((c) => c.label)).toEqual(['2025-01', '2025-02', '2025-03', 'no date']);
    expect(all.rows[2]!.cells).toEqual([1, 0, 0, 1]);
  });

  it('an empty project: every code a row of nothing, no columns', async () => {
    const table = await new MemoryProjectStore({ codes: [code('a', 'A', 0)] }).read((r) => codeTable(r, { cols: 'author', count: 'posts' }));
    expect(table).toMatchObject({ columns: [], rows: [{ path: 'A', cells: [], total: 0 }], total: 0 });
  });

  it('every figure of random projects equals a naive count (each column kind, count and coder filter)', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      // The last seeds crowd dozens of codings into two posts (long covered-length sweeps).
      const project = randomTableProject(seed, seed > 9 ? { threads: 1, postsPerThread: 2, codings: 60 } : undefined);
      const input = tableInputOf(project);
      for (const cols of TABLE_COLUMN_KINDS) {
        for (const count of TABLE_COUNTS) {
          for (const coderIds of [undefined, ['c-ada', 'c-cem']]) {
            const table = buildCodeTable(input, { cols, count, coderIds });
            const codings = filteredCodings(project, coderIds);
            const keyOf = (c: Coding) => naiveColumnKey(project, cols, c);
            const where = `seed ${seed}, ${cols}, ${count}, ${coderIds ? 'two coders' : 'all'}`;
            const keys = new Set(codings.map(keyOf));
            // Every key with a coding is a column; only months add empty ones (the gaps).
            expect(new Set(table.columns.map((c) => c.key)), where).toEqual(cols === 'month' ? new Set([...keys, ...table.columns.map((c) => c.key)]) : keys);
            for (const key of keys) expect(table.columns.some((c) => c.key === key), where).toBe(true);
            expect(table.rows.map((r) => r.codeId).sort(), where).toEqual(project.codes.map((c) => c.id).sort());
            for (const row of table.rows) {
              const ofCode = codings.filter((c) => c.codeId === row.codeId);
              expect(row.total, where).toBe(naiveMeasure(ofCode, count));
              table.columns.forEach((column, i) => expect(row.cells[i], `${where}, ${row.path} × ${column.label}`).toBe(naiveMeasure(ofCode.filter((c) => keyOf(c) === column.key), count)));
            }
            for (const column of table.columns) expect(column.total, where).toBe(naiveMeasure(codings.filter((c) => keyOf(c) === column.key), count));
            expect(table.total, where).toBe(naiveMeasure(codings, count));
          }
        }
      }
    }
  });

  it('reads the same table through a store as from plain arrays', async () => {
    const project = randomTableProject(99);
    const viaStore = await storeOf(project).read((r) => codeTable(r, { cols: 'author', count: 'chars' }));
    expect(viaStore).toEqual(buildCodeTable(tableInputOf(project), { cols: 'author', count: 'chars' }));
  });
});
