import { describe, expect, it } from 'vitest';

import type { Code } from '../model/records';
import { applyCodebookDiff } from './apply-codebook-diff';
import { diffCodebooks } from './codebook-diff';
import { byId, code, countingIds } from './codebook-fixtures.test-helpers';

const current = [
  code('fallacy', 'Fallacy', null, { order: 0 }),
  code('adhom', 'Ad hominem', 'fallacy', { order: 0, definition: 'Attacks the person.', exemplarCodingIds: ['c1'] }),
  code('equiv', 'False equivalence', 'fallacy', { order: 1, shortcut: 'e' }),
  code('derail', 'Derailing', null, { order: 1, shortcut: 'd' }),
];

/** Diff, take the entries whose keys are given, apply. */
function take(cur: readonly Code[], incoming: readonly Code[], keys: readonly string[]) {
  const diff = diffCodebooks(cur, incoming);
  for (const key of keys) expect(diff.entries.map((e) => e.key)).toContain(key);
  return applyCodebookDiff(cur, incoming, diff, new Set(keys), countingIds());
}

const shape = (codes: readonly Code[]): string[] =>
  [...codes].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => `${c.id}:${c.name}<${c.parentId ?? '-'}#${c.order}`);

describe('applyCodebookDiff', () => {
  it('changes nothing when nothing is taken', () => {
    const incoming = [code('other', 'Something else', null, { definition: 'x' })];
    const diff = diffCodebooks(current, incoming);
    expect(diff.entries.length).toBeGreaterThan(0);
    const result = applyCodebookDiff(current, incoming, diff, new Set(), countingIds());
    expect(result.codes).toEqual(current);
    result.codes.forEach((c, i) => expect(c).toBe(current[i]));
    expect(result.applied).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it('applies only the taken aspect of a renamed, moved and redefined code', () => {
    const incoming = current.map((c) => (c.id === 'adhom' ? { ...c, name: 'Personal attack', parentId: 'derail', definition: 'New.' } : c));
    const renamed = take(current, incoming, ['renamed:adhom']);
    expect(byId(renamed.codes).get('adhom')).toMatchObject({ name: 'Personal attack', parentId: 'fallacy', definition: 'Attacks the person.' });
    expect(renamed.applied).toEqual([
      expect.objectContaining({ codeId: 'adhom', kind: 'edit', summary: 'Renamed “Ad hominem” to “Personal attack”' }),
    ]);

    const moved = take(current, incoming, ['moved:adhom']);
    expect(byId(moved.codes).get('adhom')).toMatchObject({ name: 'Ad hominem', parentId: 'derail', order: 0, definition: 'Attacks the person.' });
    expect(byId(moved.codes).get('equiv')!.order).toBe(0); // the old siblings close the gap
    expect(moved.applied.map((a) => [a.kind, a.summary])).toEqual([['move', 'Moved “Ad hominem” under “Derailing”']]);

    const redefined = take(current, incoming, ['changed:adhom:definition']);
    expect(byId(redefined.codes).get('adhom')).toMatchObject({ name: 'Ad hominem', parentId: 'fallacy', definition: 'New.', exemplarCodingIds: ['c1'] });
    expect(redefined.applied.map((a) => a.summary)).toEqual(['Changed the definition of “Ad hominem”']);

    const all = take(current, incoming, ['renamed:adhom', 'moved:adhom', 'changed:adhom:definition']);
    expect(all.applied.map((a) => a.summary)).toEqual(['Renamed “Ad hominem” to “Personal attack”, moved it under “Derailing”, and changed its definition']);
  });

  it('adds a code with its GUID, or a new id when that GUID is taken, without foreign exemplars', () => {
    const incoming = [...current, code('topic', 'Topic shift', 'derail', { exemplarCodingIds: ['foreign'] })];
    const result = take(current, incoming, ['added:topic']);
    expect(byId(result.codes).get('topic')).toMatchObject({ parentId: 'derail', order: 0, exemplarCodingIds: [] });
    expect(result.applied).toEqual([expect.objectContaining({ codeId: 'topic', kind: 'add', before: null, summary: 'Added “Topic shift” under “Derailing”' })]);

    // Duplicate GUIDs in an invalid file: the second copy cannot keep its id.
    const dup = [code('derail', 'Derailing', null, { order: 1, shortcut: 'd' }), code('derail', 'Derailing again', null, { order: 2 })];
    const fresh = take([code('derail', 'Derailing', null, { order: 1, shortcut: 'd' })], dup, ['added:derail']);
    expect(fresh.codes.map((c) => c.id)).toEqual(['derail', 'new-1']);
  });

  it('puts an added child of a parent that was left out under the nearest taken ancestor, and says so', () => {
    const incoming = [...current, code('group', 'Group', 'fallacy', { order: 2 }), code('inner', 'Inner', 'group'), code('leaf', 'Leaf', 'inner')];
    const result = take(current, incoming, ['added:inner', 'added:leaf']);
    expect(byId(result.codes).get('inner')).toMatchObject({ parentId: 'fallacy', order: 2 });
    expect(byId(result.codes).get('leaf')!.parentId).toBe('inner');
    expect(result.applied.map((a) => a.summary)).toEqual(['Added “Inner” under “Fallacy” (its parent “Group” was not taken)', 'Added “Leaf” under “Inner”']);

    const rootOnly = take([], [code('a', 'A'), code('b', 'B', 'a')], ['added:b']);
    expect(rootOnly.codes).toEqual([expect.objectContaining({ id: 'b', parentId: null })]);
    expect(rootOnly.applied[0]!.summary).toBe('Added “B” at the top level (its parent “A” was not taken)');
  });

  it('deletes a removed code and moves its children up to its parent, reporting each', () => {
    const incoming = current.filter((c) => c.id !== 'fallacy');
    const result = take(current, incoming, ['removed:fallacy']);
    expect(shape(result.codes)).toEqual(['adhom:Ad hominem<-#0', 'derail:Derailing<-#2', 'equiv:False equivalence<-#1']);
    expect(result.applied.map((a) => [a.codeId, a.kind, a.summary])).toEqual([
      ['adhom', 'move', 'Moved “Ad hominem” to the top level (“Fallacy” was deleted)'],
      ['equiv', 'move', 'Moved “False equivalence” to the top level (“Fallacy” was deleted)'],
      ['fallacy', 'delete', 'Deleted “Fallacy”'],
    ]);
    expect(result.applied[2]!.after).toBeNull();
  });

  it('moves children of nested removed codes up to the nearest surviving ancestor', () => {
    const cur = [code('a', 'A'), code('b', 'B', 'a'), code('c', 'C', 'b'), code('d', 'D', 'c')];
    const result = take(cur, [code('a', 'A'), code('d', 'D', 'a')], ['removed:b', 'removed:c']);
    expect(shape(result.codes)).toEqual(['a:A<-#0', 'd:D<a#0']);
  });

  it('never creates a cycle: a move into its own sub-code is skipped and reported', () => {
    const cur = [code('a', 'A'), code('b', 'B', 'a')];
    const swapped = [code('b', 'B'), code('a', 'A', 'b')];
    const one = take(cur, swapped, ['moved:a']);
    expect(one.codes).toEqual(cur);
    expect(one.applied).toEqual([]);
    expect(one.skipped).toEqual([{ key: 'moved:a', codeId: 'a', reason: 'moving “A” under “B” would put it inside itself' }]);

    // Both moves taken: the order they are tried in does not matter.
    const both = take(cur, swapped, ['moved:a', 'moved:b']);
    expect(shape(both.codes)).toEqual(['a:A<b#0', 'b:B<-#0']);
    expect(both.skipped).toEqual([]);
  });

  it('skips a move under a new parent whose addition was left out', () => {
    const incoming = current.map((c) => (c.id === 'derail' ? { ...c, parentId: 'group' } : c)).concat(code('group', 'Moves'));
    const result = take(current, incoming, ['moved:derail']);
    expect(result.codes).toEqual(current);
    expect(result.skipped.map((s) => s.key)).toEqual(['moved:derail']);
  });

  it('keeps a shortcut with the code that has it and tells which taken change could not have it', () => {
    const incoming = current.map((c) => (c.id === 'adhom' ? { ...c, shortcut: 'd' } : c)).concat(code('whatabout', 'Whataboutism', null, { shortcut: 'e', order: 5 }));
    const result = take(current, incoming, ['changed:adhom:shortcut', 'added:whatabout']);
    const codes = byId(result.codes);
    expect([codes.get('adhom')!.shortcut, codes.get('derail')!.shortcut, codes.get('whatabout')!.shortcut, codes.get('equiv')!.shortcut]).toEqual([null, 'd', null, 'e']);
    expect(result.skipped).toEqual([{ key: 'changed:adhom:shortcut', codeId: 'adhom', reason: 'shortcut “d” stays with “Derailing”' }]);
    expect(result.applied.map((a) => a.summary)).toEqual(['Added “Whataboutism” at the top level (shortcut “e” stays with “False equivalence”)']);
  });

  it('lets shortcuts be swapped when both changes are taken', () => {
    const incoming = current.map((c) => (c.id === 'equiv' ? { ...c, shortcut: 'd' } : c.id === 'derail' ? { ...c, shortcut: 'e' } : c));
    const result = take(current, incoming, ['changed:equiv:shortcut', 'changed:derail:shortcut']);
    expect(result.skipped).toEqual([]);
    expect([byId(result.codes).get('equiv')!.shortcut, byId(result.codes).get('derail')!.shortcut]).toEqual(['d', 'e']);
  });

  it('applies a whole incoming codebook to the same codebook as the file', () => {
    const incoming = [
      code('fallacy', 'Fallacies', null, { order: 0 }),
      code('equiv', 'False equivalence', 'fallacy', { order: 0, shortcut: 'e', retired: true }),
      code('derail', 'Derailing', 'fallacy', { order: 1, shortcut: 'd', examples: ['Anyway, about the weather'] }),
      code('topic', 'Topic shift', 'derail', { order: 0, color: '#aa0000' }),
    ];
    const diff = diffCodebooks(current, incoming);
    const result = applyCodebookDiff(current, incoming, diff, new Set(diff.entries.map((e) => e.key)), countingIds());
    expect(diffCodebooks(result.codes, incoming).entries).toEqual([]);
  });
});
