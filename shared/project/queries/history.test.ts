import { describe, expect, it } from 'vitest';

import type { Code } from '../../model/records';
import type { JournalEntry } from '../journal-entry';
import { describeEntry, filterJournal, historyTimeRange, latestUndoable } from './history';

const code = (id: string, name: string): Code => ({
  id,
  name,
  parentId: null,
  color: '#123456',
  order: 0,
  definition: '',
  inclusion: '',
  exclusion: '',
  examples: [],
  exemplarCodingIds: [],
  shortcut: null,
  codable: true,
  retired: false,
});

function entry(seq: number, at: string, actor: [string, string], operation: string, extra: Partial<JournalEntry> = {}): JournalEntry {
  return { id: `e${seq}`, seq, at, actorId: actor[0], actorName: actor[1], operation, summary: `${operation} #${seq}`, changes: [], addedPosts: [], reverts: null, ...extra };
}

const ADA: [string, string] = ['coder-ada', 'Ada'];
const CLI: [string, string] = ['threadmark-cli', 'threadmark-cli'];

const JOURNAL: JournalEntry[] = [
  entry(1, '2026-01-01T09:00:00.000Z', CLI, 'threads.import', { addedPosts: [{ threadId: 't1', postIds: ['p1', 'p2', 'p3'] }], changes: [{ table: 'threads', id: 't1', before: null, after: { id: 't1', title: 'T', platform: 'reddit', rootPostId: 'p1', importedAt: '2026-01-01T09:00:00.000Z', source: 'a.json' } }] }),
  entry(2, '2026-01-01T23:59:59.999Z', ADA, 'code.add', { changes: [{ table: 'codes', id: 'k1', before: null, after: code('k1', 'Whataboutism') }] }),
  entry(3, '2026-01-02T00:00:00.000Z', ADA, 'code.merge', {
    changes: [
      { table: 'codes', id: 'k1', before: code('k1', 'Whataboutism'), after: code('k1', 'Whataboutism') },
      { table: 'codes', id: 'k2', before: code('k2', 'Deflection'), after: null },
    ],
  }),
  entry(4, '2026-01-03T12:00:00.000Z', ['coder-ben', 'Ben'], 'codebook.import'),
  entry(5, '2026-01-03T12:30:00.000Z', ADA, 'revert', { reverts: 'e3' }),
];

const seqs = (filter: Parameters<typeof filterJournal>[1]): number[] => filterJournal(JOURNAL, filter).map((e) => e.seq);

describe('filterJournal', () => {
  it('keeps every entry, in order, without criteria', () => {
    expect(seqs({})).toEqual([1, 2, 3, 4, 5]);
  });

  it('matches the actor by name in any case, or by id', () => {
    expect(seqs({ coder: ' ada ' })).toEqual([2, 3, 5]);
    expect(seqs({ coder: 'coder-ben' })).toEqual([4]);
    expect(seqs({ coder: 'threadmark-cli' })).toEqual([1]);
    expect(seqs({ coder: 'Nobody' })).toEqual([]);
  });

  it('matches an operation kind exactly or by its family', () => {
    expect(seqs({ operation: 'code.merge' })).toEqual([3]);
    expect(seqs({ operation: 'code' })).toEqual([2, 3]);
    expect(seqs({ operation: 'codebook' })).toEqual([4]);
    expect(seqs({ operation: 'code.m' })).toEqual([]);
  });

  it('takes --since and --until inclusive; a date alone is its whole UTC day', () => {
    expect(seqs({ since: '2026-01-02' })).toEqual([3, 4, 5]);
    expect(seqs({ until: '2026-01-01' })).toEqual([1, 2]);
    expect(seqs({ since: '2026-01-03T12:00:00Z', until: '2026-01-03T12:00:00.000Z' })).toEqual([4]);
    expect(seqs({ since: '2026-01-03T13:00+01:00' })).toEqual([4, 5]);
    expect(seqs({ since: 'yesterday' })).toEqual([]);
  });

  it('finds the entries that touched a record: changed, added posts, or their thread', () => {
    expect(seqs({ record: 'k1' })).toEqual([2, 3]);
    expect(seqs({ record: 'p2' })).toEqual([1]);
    expect(seqs({ record: 't1' })).toEqual([1]);
  });

  it('combines criteria', () => {
    expect(seqs({ coder: 'Ada', operation: 'code', since: '2026-01-02' })).toEqual([3]);
  });
});

describe('historyTimeRange', () => {
  it.each([
    ['2026-01-02', { first: Date.UTC(2026, 0, 2), last: Date.UTC(2026, 0, 3) - 1 }],
    ['2026-01-02T03:04:05.678Z', { first: Date.UTC(2026, 0, 2, 3, 4, 5, 678), last: Date.UTC(2026, 0, 2, 3, 4, 5, 678) }],
    ['2026-01-02T03:04+02:00', { first: Date.UTC(2026, 0, 2, 1, 4), last: Date.UTC(2026, 0, 2, 1, 4) }],
    ['2026-01-02T03:04:05', null],
    ['2026-13-40', null],
    ['last week', null],
  ])('%s', (value, range) => {
    expect(historyTimeRange(value)).toEqual(range);
  });
});

describe('describeEntry', () => {
  it('counts records per table, added posts included', () => {
    expect(describeEntry(JOURNAL[0]!)).toEqual({ records: 1, addedPosts: 3, tables: { threads: { added: 1, changed: 0, removed: 0 }, posts: { added: 3, changed: 0, removed: 0 } } });
    expect(describeEntry(JOURNAL[2]!)).toEqual({ records: 2, addedPosts: 0, tables: { codes: { added: 0, changed: 1, removed: 1 } } });
    expect(describeEntry(JOURNAL[4]!)).toEqual({ records: 0, addedPosts: 0, tables: {} });
  });
});

describe('latestUndoable', () => {
  const action = (seq: number) => entry(seq, '2026-01-01T00:00:00.000Z', ADA, 'code.add');
  const revert = (seq: number, of: number) => entry(seq, '2026-01-01T00:00:00.000Z', ADA, 'revert', { reverts: `e${of}` });

  it('is the latest action still applied', () => {
    expect(latestUndoable([])).toBeUndefined();
    expect(latestUndoable([action(1), action(2)])?.seq).toBe(2);
    // 2 undone: 1 is next; both undone: nothing left.
    expect(latestUndoable([action(1), action(2), revert(3, 2)])?.seq).toBe(1);
    expect(latestUndoable([action(1), action(2), revert(3, 2), revert(4, 1)])).toBeUndefined();
  });

  it('counts a redone action as applied again', () => {
    expect(latestUndoable([action(1), action(2), revert(3, 2), revert(4, 3)])?.seq).toBe(2);
  });
});
