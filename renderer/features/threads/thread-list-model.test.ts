import { describe, expect, it } from 'vitest';

import type { Platform } from '@shared/model/records';

import {
  arrangeThreads,
  codedShare,
  DEFAULT_THREAD_LIST_OPTIONS,
  filterThreads,
  firstRows,
  groupThreads,
  platformsOf,
  readThreadListOptions,
  searchKey,
  sortThreads,
} from './thread-list-model';

const thread = (id: string, title: string, platform: Platform, postCount: number, codedPostCount: number, startedAt: string | null) => ({
  id,
  title,
  platform,
  postCount,
  codedPostCount,
  startedAt,
  importedAt: '2025-01-01T00:00:00.000Z',
});

// In import order.
const THREADS = [
  thread('a', 'Café debate', 'reddit', 10, 5, '2024-03-01T00:00:00Z'),
  thread('b', 'Climate THREAD', 'twitter', 40, 4, '2023-01-01T00:00:00Z'),
  thread('c', 'Élan and cafes', 'reddit', 2, 2, null),
  thread('d', 'Empty', 'youtube', 0, 0, '2024-06-01T00:00:00Z'),
];
const ids = (list: readonly { id: string }[]) => list.map((t) => t.id);

describe('search', () => {
  it('ignores case and accents', () => {
    expect(searchKey('  Élan CAFÉ ')).toBe('elan cafe');
    expect(ids(filterThreads(THREADS, 'cafe', null))).toEqual(['a', 'c']);
    expect(ids(filterThreads(THREADS, 'ÉLAN', null))).toEqual(['c']);
    expect(ids(filterThreads(THREADS, 'thread', null))).toEqual(['b']);
    expect(ids(filterThreads(THREADS, '   ', null))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('narrows to a platform too', () => {
    expect(ids(filterThreads(THREADS, '', 'reddit'))).toEqual(['a', 'c']);
    expect(ids(filterThreads(THREADS, 'climate', 'reddit'))).toEqual([]);
  });
});

describe('sort', () => {
  it('keeps import order by default', () => {
    expect(ids(sortThreads(THREADS, 'imported'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('orders by start time, a thread without dated posts by its import time', () => {
    expect(ids(sortThreads(THREADS, 'newest'))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortThreads(THREADS, 'oldest'))).toEqual(['b', 'a', 'd', 'c']);
  });

  it('orders by post count and by coded share', () => {
    expect(ids(sortThreads(THREADS, 'size'))).toEqual(['b', 'a', 'c', 'd']);
    expect(codedShare(THREADS[0]!)).toBe(0.5);
    expect(codedShare(THREADS[3]!)).toBe(0);
    expect(ids(sortThreads(THREADS, 'coded'))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('does not change its input', () => {
    sortThreads(THREADS, 'size');
    expect(ids(THREADS)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('grouping', () => {
  it('groups by platform, alphabetically, keeping the order inside each group', () => {
    expect(platformsOf(THREADS)).toEqual(['reddit', 'twitter', 'youtube']);
    expect(groupThreads(sortThreads(THREADS, 'size'), true).map((g) => [g.platform, ids(g.threads)])).toEqual([
      ['reddit', ['a', 'c']],
      ['twitter', ['b']],
      ['youtube', ['d']],
    ]);
    expect(groupThreads(THREADS, false)).toEqual([{ platform: null, threads: THREADS }]);
  });

  it('arranges filter, sort and groups together', () => {
    const groups = arrangeThreads(THREADS, { query: 'e', sort: 'oldest', platform: null, groupByPlatform: true });
    expect(groups.map((g) => [g.platform, ids(g.threads)])).toEqual([
      ['reddit', ['a', 'c']],
      ['twitter', ['b']],
      ['youtube', ['d']],
    ]);
    expect(arrangeThreads(THREADS, { ...DEFAULT_THREAD_LIST_OPTIONS, query: 'nothing' })).toEqual([{ platform: null, threads: [] }]);
  });
});

describe('remembered options', () => {
  it('reads what was stored, and falls back for anything else', () => {
    expect(readThreadListOptions(null)).toEqual(DEFAULT_THREAD_LIST_OPTIONS);
    expect(readThreadListOptions('{')).toEqual(DEFAULT_THREAD_LIST_OPTIONS);
    expect(readThreadListOptions(JSON.stringify({ query: 'x', sort: 'size', platform: 'reddit', groupByPlatform: true }))).toEqual({
      query: 'x',
      sort: 'size',
      platform: 'reddit',
      groupByPlatform: true,
    });
    expect(readThreadListOptions(JSON.stringify({ sort: 'bogus', platform: 3 }))).toEqual(DEFAULT_THREAD_LIST_OPTIONS);
  });
});

describe('first screen', () => {
  const groups = [
    { platform: 'mastodon', threads: ['a', 'b', 'c'] },
    { platform: 'reddit', threads: ['d', 'e'] },
    { platform: 'x', threads: ['f'] },
  ];
  it('keeps the first rows across groups, in order, and drops the groups past the cut', () => {
    for (let limit = 0; limit <= 7; limit++) {
      const cut = firstRows(groups, limit);
      // Naively: the same rows as all rows flattened and cut.
      expect(cut.flatMap((g) => g.threads)).toEqual(groups.flatMap((g) => g.threads).slice(0, limit));
      expect(cut.every((g) => g.threads.length > 0)).toBe(true);
      expect(cut.map((g) => g.platform)).toEqual(groups.filter((g, i) => groups.slice(0, i).reduce((n, h) => n + h.threads.length, 0) < limit).map((g) => g.platform));
    }
  });
  it('returns a group kept whole as it was, and never changes its input', () => {
    const cut = firstRows(groups, 4);
    expect(cut[0]).toBe(groups[0]);
    expect(groups[1]!.threads).toEqual(['d', 'e']);
  });
});
