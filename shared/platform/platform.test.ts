import { describe, expect, it } from 'vitest';

import type { Project, Thread } from '../model/records';
import { parseDeletionList } from './deletion-list';
import { expiryNotice, isIsoDay } from './expiry';
import { termsOf } from './terms-of';

const T0 = '2025-01-01T00:00:00.000Z';
const thread = (extra: Partial<Thread> = {}): Thread => ({ id: 't-1', title: 'T', platform: 'mastodon', rootPostId: 'p-1', importedAt: T0, source: 'x.json', ...extra });
const project = (extra: Partial<Project> = {}): Project => ({ id: 'p', name: 'P', createdAt: T0, ...extra });

describe('parseDeletionList', () => {
  it('reads one id per line: blank lines and # comments skipped, quotes and trailing commas dropped, duplicates once', () => {
    expect(parseDeletionList('\uFEFF# deleted on 2025-03-01\r\n123\n\n"456",\n 123 \r789')).toEqual({ ids: ['123', '456', '789'], lines: 4 });
    expect(parseDeletionList('')).toEqual({ ids: [], lines: 0 });
  });
});

describe('termsOf', () => {
  const terms = [
    { key: 'mastodon', terms: 'Platform-wide note' },
    { key: 'scholar.social', terms: 'Instance forbids collection' },
  ];
  it("uses the thread's own note, else its instance's, else its platform's", () => {
    expect(termsOf(thread({ terms: 'Own', instance: 'scholar.social' }), project({ platformTerms: terms }))).toEqual({ terms: 'Own', from: 'thread', key: null });
    expect(termsOf(thread({ instance: 'Scholar.Social' }), project({ platformTerms: terms }))).toEqual({ terms: 'Instance forbids collection', from: 'instance', key: 'scholar.social' });
    expect(termsOf(thread({ instance: 'other.host' }), project({ platformTerms: terms }))).toEqual({ terms: 'Platform-wide note', from: 'platform', key: 'mastodon' });
    expect(termsOf(thread({ platform: 'reddit' }), project({ platformTerms: terms }))).toEqual({ terms: '', from: 'none', key: null });
  });
});

describe('expiryNotice', () => {
  it('says nothing until 14 days before, then due, then past on the day', () => {
    const p = project({ expiresAt: '2025-06-30' });
    expect(expiryNotice(p, [], '2025-06-15')).toBeNull();
    expect(expiryNotice(p, [], '2025-06-16')).toMatchObject({ state: 'due', date: '2025-06-30', days: 14, project: true, threadIds: [] });
    expect(expiryNotice(p, [], '2025-06-30')).toMatchObject({ state: 'past', days: 0 });
    expect(expiryNotice(p, [], '2025-07-02')).toMatchObject({ state: 'past', days: -2 });
  });

  it('takes the earliest date among the project and threads with their own', () => {
    const notice = expiryNotice(project({ expiresAt: '2025-12-31' }), [thread({ id: 't-1', expiresAt: '2025-03-01' }), thread({ id: 't-2' })], '2025-03-05');
    expect(notice).toEqual({ state: 'past', date: '2025-03-01', days: -4, project: false, threadIds: ['t-1'] });
  });

  it('accepts only real calendar days', () => {
    expect(['2025-02-28', '2024-02-29'].map(isIsoDay)).toEqual([true, true]);
    expect(['2025-02-30', '2025-2-1', '', 'soon'].map(isIsoDay)).toEqual([false, false, false, false]);
  });
});
