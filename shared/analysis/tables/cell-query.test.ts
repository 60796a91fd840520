import { describe, expect, it } from 'vitest';

import type { ProjectReader } from '../../project/project-store';
import { retrieveSegments } from '../segments/retrieve-segments';
import type { SegmentQuery } from '../segments/segment-query';
import { coOccurrenceCellQuery, codeTableCellQuery } from './cell-query';
import { codeTable } from './code-table';
import { coOccurrence } from './co-occurrence';
import { randomTableProject, storeOf } from './random-project.test-helpers';
import { CO_OCCURRENCE_BYS, TABLE_COLUMN_KINDS } from './table-options';

async function retrieved(reader: ProjectReader, query: SegmentQuery) {
  const result = await retrieveSegments(reader, query, { limit: 10_000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.rows;
}

describe('a cell opens its segments', () => {
  it('a code table cell (and a row total) retrieves exactly the codings it counted', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const store = storeOf(randomTableProject(seed));
      await store.read(async (reader) => {
        for (const cols of TABLE_COLUMN_KINDS) {
          for (const coderIds of [undefined, ['c-ada', 'c-ben']]) {
            const table = await codeTable(reader, { cols, count: 'codings', coderIds });
            for (const [r, row] of table.rows.entries()) {
              for (const [c, column] of [...table.columns.entries(), [null, null] as const]) {
                const value = c === null ? row.total : row.cells[c]!;
                const query = codeTableCellQuery(table, r, c);
                const where = `seed ${seed}, ${cols}, ${row.path} × ${column?.label ?? 'total'}`;
                if (value === 0 || column?.label === 'no date') {
                  expect(query, where).toBeNull();
                  continue;
                }
                expect((await retrieved(reader, query!)).length, where).toBe(value);
              }
            }
          }
        }
      });
    }
  });

  it('a co-occurrence cell retrieves codings of the row code in exactly the units it counted', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const store = storeOf(randomTableProject(seed, { codings: 50 }));
      await store.read(async (reader) => {
        for (const by of CO_OCCURRENCE_BYS) {
          const matrix = await coOccurrence(reader, { by, measure: 'count', coderIds: seed % 2 === 0 ? ['c-cem'] : undefined });
          for (let i = 0; i < matrix.codes.length; i++) {
            for (let j = 0; j < matrix.codes.length; j++) {
              const query = coOccurrenceCellQuery(matrix, i, j);
              const where = `seed ${seed}, ${by}, ${matrix.codes[i]!.path} × ${matrix.codes[j]!.path}`;
              if (matrix.counts[i]![j] === 0) {
                expect(query, where).toBeNull();
                continue;
              }
              const rows = await retrieved(reader, query!);
              expect(rows.every((row) => row.codeId === matrix.codes[i]!.codeId), where).toBe(true);
              const units = new Set(rows.map((row) => (by === 'thread' ? row.threadId : row.postId)));
              expect(units.size, where).toBe(matrix.counts[i]![j]);
            }
          }
        }
      });
    }
  });
});
