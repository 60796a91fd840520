import { describe, expect, it } from 'vitest';

import { diffCodebooks, type CodebookDiffEntry } from './codebook-diff';
import { code } from './codebook-fixtures.test-helpers';

const kinds = (entries: readonly CodebookDiffEntry[]): string[] => entries.map((e) => (e.kind === 'changed' ? `changed:${e.field}` : e.kind));

const current = [
  code('fallacy', 'Fallacy', null, { order: 0 }),
  code('adhom', 'Ad hominem', 'fallacy', { order: 0, definition: 'Attacks the person.' }),
  code('equiv', 'False equivalence', 'fallacy', { order: 1 }),
  code('derail', 'Derailing', null, { order: 1 }),
];

describe('diffCodebooks: matching', () => {
  it('finds nothing between a codebook and itself', () => {
    const diff = diffCodebooks(current, current);
    expect(diff.entries).toEqual([]);
    expect([...diff.matchedBy.values()]).toEqual(['id', 'id', 'id', 'id']);
  });

  it('matches by GUID before name: a GUID match is a rename, not a remove plus an add', () => {
    // The incoming "Derailing" is a different code (new GUID); the old derail GUID now has another name.
    const incoming = [...current.filter((c) => c.id !== 'derail'), code('derail', 'Derailment', null, { order: 1 }), code('x9', 'Derailing', null, { order: 2 })];
    const diff = diffCodebooks(current, incoming);
    expect(diff.matches.get('derail')).toBe('derail');
    expect(diff.matches.has('x9')).toBe(false);
    expect(diff.entries.map((e) => e.key)).toEqual(['renamed:derail', 'added:x9']);
  });

  it('falls back to the full name path, exactly and then ignoring case and spaces', () => {
    const incoming = [
      code('f2', 'Fallacy'),
      code('a2', 'Ad hominem', 'f2', { definition: 'Attacks the person.' }),
      code('e2', ' false EQUIVALENCE ', 'f2', { order: 1 }),
      code('d2', 'Derailing', 'f2'), // same name, other parent: not the same path
    ];
    const diff = diffCodebooks(current, incoming);
    expect(Object.fromEntries(diff.matches)).toEqual({ f2: 'fallacy', a2: 'adhom', e2: 'equiv' });
    expect(diff.matchedBy.get('a2')).toBe('path');
    expect(diff.matchedBy.get('e2')).toBe('path-ignoring-case');
    expect(diff.entries.map((e) => e.key)).toEqual(['added:d2', 'renamed:equiv', 'removed:derail']);
  });

  it('matches each current code at most once', () => {
    const incoming = [code('n1', 'Derailing', null, { order: 0 }), code('n2', 'derailing', null, { order: 1 })];
    const diff = diffCodebooks([code('derail', 'Derailing')], incoming);
    expect(Object.fromEntries(diff.matches)).toEqual({ n1: 'derail' });
    expect(diff.entries.map((e) => e.key)).toEqual(['added:n2']);
  });
});

describe('diffCodebooks: entries', () => {
  it('reports a renamed, moved and redefined code as three separate entries', () => {
    const incoming = current.map((c) => (c.id === 'adhom' ? { ...c, name: 'Personal attack', parentId: 'derail', definition: 'Attacks the speaker, not the claim.' } : c));
    const entries = diffCodebooks(current, incoming).entries;
    expect(kinds(entries)).toEqual(['renamed', 'moved', 'changed:definition']);
    expect(entries[0]).toMatchObject({ key: 'renamed:adhom', before: 'Ad hominem', after: 'Personal attack', oldPath: 'Fallacy > Ad hominem', newPath: 'Derailing > Personal attack' });
    expect(entries[1]).toMatchObject({ key: 'moved:adhom', oldParentPath: 'Fallacy', newParentPath: 'Derailing' });
    expect(entries[2]).toMatchObject({ key: 'changed:adhom:definition', before: 'Attacks the person.', after: 'Attacks the speaker, not the claim.' });
  });

  it('gives one entry per changed field and ignores exemplars, sibling order and invisible differences', () => {
    const incoming = current.map((c) =>
      c.id === 'derail'
        ? {
            ...c,
            order: 7,
            inclusion: 'Changes the topic.',
            examples: ['Whatabout the economy?'],
            color: '#AA0000',
            shortcut: 'd',
            codable: false,
            retired: true,
            exemplarCodingIds: ['coding-elsewhere'],
          }
        : c.id === 'adhom'
          ? { ...c, definition: '  Attacks the person.\r\n', color: '#336699'.toUpperCase() }
          : c,
    );
    const entries = diffCodebooks(current, incoming).entries;
    expect(kinds(entries)).toEqual(['changed:inclusion', 'changed:examples', 'changed:color', 'changed:shortcut', 'changed:codable', 'changed:retired']);
    expect(entries.find((e) => e.key === 'changed:derail:examples')).toMatchObject({ before: [], after: ['Whatabout the economy?'] });
  });

  it('reports added codes with their incoming path and removed codes with their children', () => {
    const incoming = [code('derail', 'Derailing'), code('topic', 'Topic shift', 'derail')];
    const entries = diffCodebooks(current, incoming).entries;
    expect(entries[0]).toMatchObject({ kind: 'added', key: 'added:topic', name: 'Topic shift', path: 'Derailing > Topic shift', parentPath: 'Derailing' });
    const removed = entries.filter((e) => e.kind === 'removed');
    expect(removed.map((e) => [e.key, e.kind === 'removed' && e.childCount])).toEqual([
      ['removed:fallacy', 2],
      ['removed:adhom', 0],
      ['removed:equiv', 0],
    ]);
  });

  it('counts a move to a new (added) parent and to the top level', () => {
    const incoming = [
      code('fallacy', 'Fallacy'),
      code('group', 'Interaction moves'),
      code('derail', 'Derailing', 'group'),
      code('adhom', 'Ad hominem', null, { definition: 'Attacks the person.' }),
      code('equiv', 'False equivalence', 'fallacy', { order: 1 }),
    ];
    const entries = diffCodebooks(current, incoming).entries;
    expect(entries.filter((e) => e.kind === 'moved').map((e) => e.kind === 'moved' && [e.key, e.oldParentPath, e.newParentPath])).toEqual([
      ['moved:adhom', 'Fallacy', null],
      ['moved:derail', null, 'Interaction moves'],
    ]);
  });

  it('gives distinct keys to codes of a file with duplicate ids', () => {
    const incoming = [code('same', 'One'), code('same', 'Two', null, { order: 1 })];
    const keys = diffCodebooks([], incoming).entries.map((e) => e.key);
    expect(keys).toEqual(['added:same', 'added:same#2']);
  });
});

describe('diffCodebooks: fields the file does not give', () => {
  it('never offers to change a field the incoming file says nothing about', () => {
    const current = [code('a', 'Derailing', null, { definition: 'Moves away.', inclusion: 'When the topic changes.', color: '#112233' })];
    const incoming = [code('a', 'Derailing', null, { definition: 'Moves the topic away.', inclusion: '', color: '#445566' })];
    const kinds = (unknown: Map<string, ('inclusion' | 'color')[]>) =>
      diffCodebooks(current, incoming, unknown).entries.map((e) => (e.kind === 'changed' ? e.field : e.kind));
    expect(kinds(new Map())).toEqual(['definition', 'inclusion', 'color']);
    expect(kinds(new Map([['a', ['inclusion', 'color']]]))).toEqual(['definition']);
  });
});
