import { describe, expect, it } from 'vitest';

import type { JournalEntry } from '@shared/project/journal-entry';

import { changeCounts, OPERATION_LABELS, operationLabel, refusalText, revertNote } from './describe-entry';

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  id: 'e-1',
  seq: 1,
  at: '2025-03-10T12:00:00.000Z',
  actorId: 'coder-ada',
  actorName: 'Ada',
  operation: 'coding.add',
  summary: '',
  changes: [],
  addedPosts: [],
  reverts: null,
  ...over,
});

const change = (table: 'codings' | 'codes', before: boolean, after: boolean) => ({
  table,
  id: 'x',
  before: before ? ({ id: 'x' } as never) : null,
  after: after ? ({ id: 'x' } as never) : null,
});

describe('journal entries in words', () => {
  it('names each operation kind', () => {
    expect(operationLabel({ operation: 'coding.add', summary: '' })).toBe('Coded');
    expect(operationLabel({ operation: 'code.merge', summary: '' })).toBe('Merged codes');
    expect(operationLabel({ operation: 'threads.import', summary: '' })).toBe('Imported threads');
    expect(operationLabel({ operation: 'revert', summary: 'Reverted: Coded …' })).toBe('Reverted');
    expect(operationLabel({ operation: 'revert', summary: 'Undid: Coded …' })).toBe('Undid');
    expect(operationLabel({ operation: 'revert', summary: 'Redid: Coded …' })).toBe('Redid');
    expect(operationLabel({ operation: 'something.new', summary: '' })).toBe('something.new');
    // Every kind has a label, once.
    expect(new Set(OPERATION_LABELS.map(([kind]) => kind)).size).toBe(OPERATION_LABELS.length);
  });

  it('counts what changed, per table, added posts included', () => {
    expect(changeCounts(entry({ changes: [change('codings', false, true)] }))).toBe('1 coding added');
    expect(
      changeCounts(entry({ changes: [change('codings', true, true), change('codings', true, true), change('codes', true, false)] })),
    ).toBe('1 code removed, 2 codings changed');
    expect(changeCounts(entry({ addedPosts: [{ threadId: 't', postIds: ['a', 'b'] }] }))).toBe('2 posts added');
    expect(changeCounts(entry({}))).toBe('nothing changed');
  });

  it('names what a revert reverted, without repeating its summary', () => {
    expect(revertNote({ seq: 4 })).toBe('Reverts #4');
    expect(revertNote(undefined)).toBe('Reverts an entry that is no longer in the journal');
  });

  it('says why a revert was refused without record ids', () => {
    expect(refusalText({ record: 'coding 1f0e-77', message: 'changed since “Coded “x” as “Y””, so it cannot be reverted' })).toBe(
      'Not reverted. The coding changed since “Coded “x” as “Y””, so it cannot be reverted.',
    );
    expect(refusalText({ record: 'codebook version v-1', message: 'changed since “Named …”, so it cannot be reverted' })).toBe(
      'Not reverted. The codebook version changed since “Named …”, so it cannot be reverted.',
    );
    expect(refusalText({ record: 'post p-2', message: 'was removed since “Imported …”, so it cannot be reverted' })).toBe(
      'Not reverted. The post was removed since “Imported …”, so it cannot be reverted.',
    );
    expect(refusalText({ record: 'coder “Ben” (id c-9)', field: 'id', message: 'cannot remove the coder: 2 codings of theirs remain (a later change depends on it)' })).toBe(
      'Not reverted: “Ben”: cannot remove the coder: 2 codings of theirs remain (a later change depends on it).',
    );
    expect(refusalText({ record: 'journal entry e-1', message: 'no such entry in the journal' })).toBe('Not reverted: no such entry in the journal.');
  });
});
