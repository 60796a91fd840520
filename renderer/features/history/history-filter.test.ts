import { describe, expect, it } from 'vitest';

import type { JournalEntry } from '@shared/project/journal-entry';

import { entryIds, filterHistory, historyPage, isFiltering, localDayStart, NO_FILTER, rangeProblem, toJournalFilter, type HistoryFilter } from './history-filter';

/** Local time, as the date inputs mean it. */
const local = (y: number, m: number, d: number, h = 12): string => new Date(y, m - 1, d, h).toISOString();

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  id: 'e-1',
  seq: 1,
  at: local(2025, 3, 10),
  actorId: 'coder-ada',
  actorName: 'Ada',
  operation: 'coding.add',
  summary: 'Coded “What about the men” as “Whataboutism”',
  changes: [{ table: 'codings', id: 'k-7', before: null, after: null }],
  addedPosts: [],
  reverts: null,
  ...over,
});

const matches = (filter: Partial<HistoryFilter>, e: JournalEntry): boolean => filterHistory([e], { ...NO_FILTER, ...filter }).length === 1;

describe('history filter', () => {
  it('lets everything through when empty', () => {
    const all = [entry({}), entry({ id: 'e-2', seq: 2 })];
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(filterHistory(all, NO_FILTER)).toBe(all);
    expect(filterHistory(all, { ...NO_FILTER, record: '   ' })).toEqual(all);
    expect(toJournalFilter(NO_FILTER)).toEqual({});
  });

  it('pages newest first and counts every match', () => {
    const all = [1, 2, 3, 4, 5].map((seq) => entry({ id: `e-${seq}`, seq, actorId: seq % 2 ? 'coder-ada' : 'coder-ben' }));
    expect(historyPage(all, NO_FILTER, 2)).toEqual({ entries: [all[4], all[3]], total: 5 });
    expect(historyPage(all, { ...NO_FILTER, actorId: 'coder-ada' }, 2)).toEqual({ entries: [all[4], all[2]], total: 3 });
    expect(historyPage(all, NO_FILTER, 10).entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
  });

  it('filters by coder and by operation kind', () => {
    const e = entry({});
    expect(matches({ actorId: 'coder-ada' }, e)).toBe(true);
    expect(matches({ actorId: 'coder-ben' }, e)).toBe(false);
    expect(matches({ operation: 'coding.add' }, e)).toBe(true);
    expect(matches({ operation: 'code.merge' }, e)).toBe(false);
    expect(matches({ actorId: 'coder-ada', operation: 'code.merge' }, e)).toBe(false);
  });

  it('finds a record by part of any id the entry names, or by words of its summary, in any case', () => {
    const imported = entry({ id: 'e-9', operation: 'threads.import', summary: 'Imported reddit.json: 1 thread, 2 posts', changes: [], addedPosts: [{ threadId: 't-42', postIds: ['p-1', 'p-2'] }] });
    const revert = entry({ id: 'e-10', operation: 'revert', summary: 'Reverted: Imported reddit.json', changes: [], reverts: 'e-9' });
    expect(matches({ record: 'K-7' }, entry({}))).toBe(true);
    expect(matches({ record: 'whataboutism' }, entry({}))).toBe(true);
    expect(matches({ record: 'derailing' }, entry({}))).toBe(false);
    expect(matches({ record: 'p-2' }, imported)).toBe(true);
    expect(matches({ record: 't-42' }, imported)).toBe(true);
    expect(matches({ record: 'e-9' }, revert)).toBe(true);
    expect(entryIds(imported)).toEqual(['e-9', 't-42', 'p-1', 'p-2']);
  });

  it('passes local days on to the core as the first and last instant of each', () => {
    expect(toJournalFilter({ ...NO_FILTER, from: '2025-03-10', to: '2025-03-11', operation: 'code.merge', actorId: 'coder-ada' })).toEqual({
      coder: 'coder-ada',
      operation: 'code.merge',
      since: new Date(2025, 2, 10).toISOString(),
      until: new Date(new Date(2025, 2, 12).getTime() - 1).toISOString(),
    });
  });

  it('keeps whole local days, both ends included', () => {
    const e = entry({ at: local(2025, 3, 10, 23) });
    expect(matches({ from: '2025-03-10' }, e)).toBe(true);
    expect(matches({ from: '2025-03-11' }, e)).toBe(false);
    expect(matches({ to: '2025-03-10' }, e)).toBe(true);
    expect(matches({ to: '2025-03-09' }, e)).toBe(false);
    expect(matches({ from: '2025-03-10', to: '2025-03-10' }, entry({ at: local(2025, 3, 10, 0) }))).toBe(true);
    expect(matches({ from: '2025-03-10', to: '2025-03-10' }, entry({ at: local(2025, 3, 11, 0) }))).toBe(false);
  });

  it('reads only real YYYY-MM-DD days and says when the range is backwards', () => {
    expect(localDayStart('2025-02-31')).toBeNull();
    expect(localDayStart('10/03/2025')).toBeNull();
    expect(localDayStart('2025-03-10')).toBe(new Date(2025, 2, 10).getTime());
    expect(rangeProblem({ ...NO_FILTER, from: '2025-03-11', to: '2025-03-10' })).toMatch(/after the “To” date/);
    expect(rangeProblem({ ...NO_FILTER, from: '2025-03-10', to: '2025-03-10' })).toBeNull();
  });
});
