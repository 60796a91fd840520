import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { displayedCounts, displayedTallies, visibleRows } from './code-tree-rows';

function code(id: string, name: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code {
  return { ...EMPTY_CODE_FIELDS, id, name, parentId, order, color: '#000000', examples: [], exemplarCodingIds: [], ...extra };
}

const codes = [
  code('moves', 'Derailing moves', null, 0, { codable: false }),
  code('what', 'Whataboutism', 'moves', 0),
  code('tone', 'Tone policing', 'moves', 1),
  code('sub', 'Tone: sarcasm', 'tone', 0),
  code('hostile', 'Hostility', null, 1),
];

const names = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.code.name);

describe('visibleRows', () => {
  it('lists codes in tree order with ARIA level, position and set size', () => {
    const rows = visibleRows(codes, new Set(), '');
    expect(names(rows)).toEqual(['Derailing moves', 'Whataboutism', 'Tone policing', 'Tone: sarcasm', 'Hostility']);
    expect(rows.map((r) => [r.level, r.posInSet, r.setSize, r.hasChildren])).toEqual([
      [1, 1, 2, true],
      [2, 1, 2, false],
      [2, 2, 2, true],
      [3, 1, 1, false],
      [1, 2, 2, false],
    ]);
  });

  it('hides the whole branch under a collapsed code', () => {
    const rows = visibleRows(codes, new Set(['moves']), '');
    expect(names(rows)).toEqual(['Derailing moves', 'Hostility']);
    expect(rows[0]).toMatchObject({ hasChildren: true, expanded: false });
  });

  it('filters by name, ignoring case, and keeps the ancestors of each match even when collapsed', () => {
    const rows = visibleRows(codes, new Set(['moves', 'tone']), 'SARCASM');
    expect(names(rows)).toEqual(['Derailing moves', 'Tone policing', 'Tone: sarcasm']);
    expect(rows.map((r) => r.matches)).toEqual([false, false, true]);
    expect(rows.map((r) => [r.posInSet, r.setSize])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('shows nothing when no name matches, and everything for a blank filter', () => {
    expect(visibleRows(codes, new Set(), 'zebra')).toEqual([]);
    expect(visibleRows(codes, new Set(), '   ')).toHaveLength(5);
  });

  it('shows a code whose parent is missing at the top level', () => {
    const rows = visibleRows([code('orphan', 'Orphan', 'gone', 0)], new Set(), '');
    expect(rows[0]).toMatchObject({ parentId: null, level: 1 });
  });
});

describe('displayedCounts', () => {
  it('gives a code its own count and a category the total of everything below it', () => {
    const own = new Map([
      ['what', 3],
      ['tone', 2],
      ['sub', 4],
      ['hostile', 1],
    ]);
    const counts = displayedCounts(codes, own);
    expect(Object.fromEntries(counts)).toEqual({ moves: 9, what: 3, tone: 2, sub: 4, hostile: 1 });
  });
});

describe('displayedTallies', () => {
  it('gives a category each coder’s share of everything below it', () => {
    const ada = (n: number) => ({ coderId: 'ada', name: 'Ada', count: n });
    const ben = (n: number) => ({ coderId: 'ben', name: 'Ben', count: n });
    const own = new Map([
      ['what', { total: 3, byCoder: [ada(1), ben(2)] }],
      ['sub', { total: 4, byCoder: [ben(4)] }],
    ]);
    const shown = displayedTallies(codes, own);
    expect(shown.get('moves')).toEqual({ total: 7, byCoder: [ada(1), ben(6)] });
    expect(shown.get('tone')).toEqual({ total: 0, byCoder: [] });
    expect(shown.get('hostile')).toEqual({ total: 0, byCoder: [] });
  });
});
