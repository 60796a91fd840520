import { describe, expect, it } from 'vitest';

import type { JournalEntry } from './journal-entry';
import { isUntouched, nothingTouched, touchedBy } from './journal-touched';
import { code, post, T0 } from './testing/core-fixtures.test-helpers';

const entry = (seq: number, changes: JournalEntry['changes'], addedPosts: JournalEntry['addedPosts'] = []): JournalEntry => ({ id: `e-${seq}`, seq, at: T0, actorId: 'a', actorName: 'A', operation: 'x', summary: '', changes, addedPosts, reverts: null });

describe('touchedBy', () => {
  it('names each record an entry changed: codings by id, posts by their thread (before and after), other tables whole, the project', () => {
    const removed = post('p-9', 'gone', null, 't-old');
    const touched = touchedBy([
      entry(1, [{ table: 'codings', id: 'k-1', before: null, after: null }, { table: 'codes', id: 'c-1', before: null, after: code('c-1', 'One') }]),
      entry(2, [{ table: 'posts', id: 'p-9', before: removed, after: null }, { table: 'projects', id: 'p', before: null, after: null }], [{ threadId: 't-new', postIds: ['p-10'] }]),
      entry(3, [{ table: 'memos', id: 'm-1', before: null, after: null }, { table: 'codings', id: 'k-2', before: null, after: null }]),
    ]);
    expect(touched).toEqual({ project: true, tables: new Set(['codes', 'memos']), codingIds: new Set(['k-1', 'k-2']), postThreadIds: new Set(['t-old', 't-new']) });
    expect(isUntouched(touched)).toBe(false);
  });

  it('adds to what it is given, and no entries touch nothing', () => {
    expect(isUntouched(touchedBy([]))).toBe(true);
    const into = touchedBy([entry(1, [{ table: 'codings', id: 'k-1', before: null, after: null }])]);
    touchedBy([entry(2, [{ table: 'codings', id: 'k-2', before: null, after: null }])], into);
    expect([...into.codingIds]).toEqual(['k-1', 'k-2']);
    expect(isUntouched(nothingTouched())).toBe(true);
  });
});
