import { describe, expect, it } from 'vitest';

import { buildCodeTable } from '@shared/analysis/tables/code-table';
import { buildCoOccurrence } from '@shared/analysis/tables/co-occurrence';
import { randomTableProject, tableInputOf } from '@shared/analysis/tables/random-project.test-helpers';

import { codeBars, heatmap, monthStacks } from './chart-data';

const input = tableInputOf(randomTableProject(11, { codings: 60 }));

describe('chart data', () => {
  it('bars: each used code’s row total, in tree order', () => {
    const table = buildCodeTable(input, { cols: 'coder', count: 'posts' });
    const bars = codeBars(table);
    expect(bars.map((b) => b.label)).toEqual(table.rows.filter((r) => r.total > 0).map((r) => r.path));
    expect(bars.map((b) => b.value)).toEqual(table.rows.filter((r) => r.total > 0).map((r) => r.total));
    expect(bars.some((b) => b.label === 'Unused' || b.label === 'Fallacy')).toBe(false);
  });

  it('stacks: the dated cells of the month table, undated ones counted apart', () => {
    const table = buildCodeTable(input, { cols: 'month', count: 'codings' });
    const stacks = monthStacks(table);
    expect(stacks.months).toEqual(table.columns.filter((c) => c.key !== '').map((c) => c.key));
    const stacked = stacks.data.reduce((sum, d) => sum + d.value, 0);
    expect(stacked + stacks.undated).toBe(table.total);
    expect(stacks.undated).toBeGreaterThan(0);
    for (const d of stacks.data) {
      const row = table.rows.find((r) => r.codeId === d.codeId)!;
      expect(row.cells[table.columns.findIndex((c) => c.key === d.month)]).toBe(d.value);
    }
    expect(() => monthStacks(buildCodeTable(input, { cols: 'thread', count: 'codings' }))).toThrow(/month/);
  });

  it('heatmap: the used codes’ values, undefined Jaccard left out', () => {
    const matrix = buildCoOccurrence(input, { by: 'post', measure: 'jaccard' });
    const map = heatmap(matrix);
    expect(map.codes.map((c) => c.label)).toEqual(matrix.codes.filter((_, i) => matrix.units[i]! > 0).map((c) => c.path));
    expect(map.data).toHaveLength(map.codes.length ** 2);
    expect(map.data.filter((d) => d.row === d.col).every((d) => d.value === 1)).toBe(true);
    expect(map.max).toBe(1);
  });
});
