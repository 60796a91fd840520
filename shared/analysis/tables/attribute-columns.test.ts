import { describe, expect, it } from 'vitest';

import { retrieveSegments } from '../segments/retrieve-segments';
import { isSegmentQuery } from '../segments/segment-query-guard';
import { naiveAttributeKey, storeWithAttributes } from './attribute-columns.test-helpers';
import { attributeColumns } from './attribute-columns';
import { codeTableCellQuery } from './cell-query';
import { codeTable } from './code-table';
import { filteredCodings, naiveMeasure } from './naive-counts.test-helpers';
import { randomTableProject } from './random-project.test-helpers';
import { TABLE_COUNTS } from './table-options';

const SCOPES = [
  { scope: 'author', cols: attributeColumns('author', 'stance') },
  { scope: 'thread', cols: attributeColumns('thread', 'Size') },
] as const;

describe('attribute columns of the code table', () => {
  it('count every cell and total as the naive computation over the plain records does', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const project = randomTableProject(seed);
      await storeWithAttributes(project).read(async (reader) => {
        for (const { scope, cols } of SCOPES) {
          for (const count of TABLE_COUNTS) {
            for (const coderIds of [undefined, ['c-ben']]) {
              const table = await codeTable(reader, { cols, count, coderIds });
              const counted = filteredCodings(project, coderIds).filter((c) => naiveAttributeKey(project, scope, c.postId, c.threadId) !== undefined);
              const keys = [...new Set(counted.map((c) => naiveAttributeKey(project, scope, c.postId, c.threadId)!))];
              const where = `seed ${seed} ${scope} ${count}`;
              expect(table.columns.map((c) => c.key).sort(), where).toEqual(keys.sort());
              for (const row of table.rows) {
                for (const [i, column] of table.columns.entries()) {
                  const cell = counted.filter((c) => c.codeId === row.codeId && naiveAttributeKey(project, scope, c.postId, c.threadId) === column.key);
                  expect(row.cells[i], `${where} ${row.path} × ${column.label}`).toBe(naiveMeasure(cell, count));
                }
                expect(row.total, `${where} ${row.path}`).toBe(naiveMeasure(counted.filter((c) => c.codeId === row.codeId), count));
              }
              expect(table.total, where).toBe(naiveMeasure(counted, count));
            }
          }
        }
      });
    }
  });

  it('group text ignoring case under its first spelling, numbers by value, no value last as "(none)"', async () => {
    const project = randomTableProject(3, { codings: 200 });
    await storeWithAttributes(project).read(async (reader) => {
      const stance = await codeTable(reader, { cols: attributeColumns('author', 'Stance'), count: 'codings' });
      expect(stance.columns.map((c) => [c.key, c.label])).toEqual([
        ['contra', 'contra'],
        ['pro', 'Pro'],
        ['', '(none)'],
      ]);
      const size = await codeTable(reader, { cols: attributeColumns('thread', 'Size'), count: 'codings' });
      expect(size.columns.map((c) => c.label)).toEqual(['2', '10', '(none)']);
    });
  });

  it('a cell (and a row total) opens exactly the codings it counted', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const project = randomTableProject(seed);
      await storeWithAttributes(project).read(async (reader) => {
        for (const { cols } of SCOPES) {
          const table = await codeTable(reader, { cols, count: 'codings' });
          for (const [r, row] of table.rows.entries()) {
            for (const c of [...table.columns.keys(), null]) {
              const value = c === null ? row.total : row.cells[c]!;
              const query = codeTableCellQuery(table, r, c);
              if (value === 0) {
                expect(query).toBeNull();
                continue;
              }
              const result = await retrieveSegments(reader, query!, { limit: 10_000 });
              if (!result.ok) throw new Error(result.error.message);
              const where = `seed ${seed} ${cols} ${row.path} × ${c === null ? 'total' : table.columns[c]!.label}`;
              expect(result.value.total, where).toBe(value);
            }
          }
        }
      });
    }
  });

  it('a retrieval naming an attribute nobody has is a Problem naming the ones there are; a malformed condition is not a query', async () => {
    await storeWithAttributes(randomTableProject(1)).read(async (reader) => {
      const result = await retrieveSegments(reader, { codeId: 'k-claim', includeSubcodes: false, attributes: [{ scope: 'author', name: 'Mood', values: ['x'] }] });
      expect(result).toMatchObject({ ok: false, error: { field: 'attribute' } });
      expect(!result.ok && result.error.message).toMatch(/authors have no attribute “Mood” \(they have: .*Stance\)/);
    });
    expect(isSegmentQuery({ codeId: 'k', includeSubcodes: false, attributes: [{ scope: 'thread', name: 'Size', values: ['10'] }] })).toBe(true);
    expect(isSegmentQuery({ codeId: 'k', includeSubcodes: false, attributes: [{ scope: 'post', name: 'Size', values: ['10'] }] })).toBe(false);
    expect(isSegmentQuery({ codeId: 'k', includeSubcodes: false, attributes: [{ scope: 'thread', name: 'Size', values: [10] }] })).toBe(false);
  });
});
