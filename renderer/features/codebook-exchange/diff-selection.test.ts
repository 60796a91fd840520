import { describe, expect, it } from 'vitest';

import { diffCodebooks } from '@shared/codebook/codebook-diff';
import { code } from '@shared/codebook/codebook-fixtures.test-helpers';

import { describeDiffEntry } from './describe-diff-entry';
import { codingsToDelete, defaultTaken, groupDiff, selectionSummary, takeAllKeys } from './diff-selection';

const current = [
  code('fallacy', 'Fallacy', null, { order: 0 }),
  code('adhom', 'Ad hominem', 'fallacy', { order: 0, definition: 'Attacks the person.' }),
  code('equiv', 'False equivalence', 'fallacy', { order: 1, inclusion: 'Two unequal things.' }),
  code('derail', 'Derailing', null, { order: 1, color: '#111111' }),
  code('agree', 'Agreement', null, { order: 2 }),
];
const incoming = [
  code('fallacy', 'Fallacy', null, { order: 0 }),
  code('adhom', 'Personal attack', 'fallacy', { order: 0, definition: 'Attacks the speaker.' }),
  code('equiv', 'False equivalence', null, { order: 1, inclusion: 'Unequal things.', exclusion: 'Fair comparisons.' }),
  code('derail', 'Derailing', null, { order: 2, color: '#222222', retired: true }),
  code('hedge', 'Hedging', 'fallacy', { order: 2 }),
  code('soft', 'Softening', 'hedge', { order: 0 }),
];
const diff = diffCodebooks(current, incoming);
const counts = new Map([['agree', 3]]);
const keysOf = (set: ReadonlySet<string>) => [...set].sort();

describe('groupDiff', () => {
  it('groups entries in a fixed order, criteria and colour/shortcut together, tree order within a group', () => {
    expect(groupDiff(diff.entries).map((g) => [g.title, g.entries.map((e) => e.key)])).toEqual([
      ['Added', ['added:hedge', 'added:soft']],
      ['Removed', ['removed:agree']],
      ['Renamed', ['renamed:adhom']],
      ['Moved', ['moved:equiv']],
      ['Changed definition', ['changed:adhom:definition']],
      ['Changed criteria', ['changed:equiv:inclusion', 'changed:equiv:exclusion']],
      ['Changed colour or shortcut', ['changed:derail:color']],
      ['Changed status', ['changed:derail:retired']],
    ]);
    expect(groupDiff([])).toEqual([]);
  });
});

describe('selection', () => {
  it('takes only the added codes at first: nothing the project has is overwritten unless ticked', () => {
    expect(keysOf(defaultTaken(diff.entries))).toEqual(['added:hedge', 'added:soft']);
  });

  it('"Take all" takes everything but a removal that deletes codings; a removal without codings is taken', () => {
    const all = takeAllKeys(diff.entries, counts);
    expect(all.has('removed:agree')).toBe(false);
    expect(all.size).toBe(diff.entries.length - 1);
    expect(takeAllKeys(diff.entries, new Map()).has('removed:agree')).toBe(true);
  });

  it('lists the codings the researcher agrees to delete by ticking a removal', () => {
    expect(codingsToDelete(diff.entries, defaultTaken(diff.entries), counts)).toEqual(new Map());
    expect(codingsToDelete(diff.entries, new Set(['removed:agree']), counts)).toEqual(new Map([['agree', 3]]));
  });

  it('says what the ticks will do and what is left', () => {
    expect(selectionSummary(diff.entries, defaultTaken(diff.entries), counts)).toBe('Takes 2 of 10 changes: adds 2 codes. 8 changes are left as they are.');
    expect(selectionSummary(diff.entries, new Set(['renamed:adhom', 'changed:adhom:definition', 'moved:equiv', 'removed:agree']), counts)).toBe(
      'Takes 4 of 10 changes: renames 1 code, moves 1 code, changes 1 field and removes 1 code (deleting 3 codings). 6 changes are left as they are.',
    );
    expect(selectionSummary(diff.entries, new Set(), counts)).toBe('Nothing is ticked: the codebook stays as it is.');
    expect(selectionSummary([], new Set(), counts)).toBe('Nothing differs.');
  });
});

describe('describeDiffEntry', () => {
  const entry = (key: string) => diff.entries.find((e) => e.key === key)!;
  it('says what ticking does when importing, and what differs when comparing', () => {
    expect(describeDiffEntry(entry('added:soft'), 'import')).toBe('Add “Fallacy > Hedging > Softening”');
    expect(describeDiffEntry(entry('removed:agree'), 'import', 3)).toBe('Remove “Agreement” (deletes its 3 codings)');
    expect(describeDiffEntry(entry('renamed:adhom'), 'import')).toBe('Rename “Ad hominem” to “Personal attack”');
    expect(describeDiffEntry(entry('moved:equiv'), 'import')).toBe('Move “False equivalence” from “Fallacy” to the top level');
    expect(describeDiffEntry(entry('changed:equiv:exclusion'), 'import')).toBe('Change the exclusion criteria of “Fallacy > False equivalence”');
    expect(describeDiffEntry(entry('renamed:adhom'), 'compare')).toBe('“Ad hominem” → “Personal attack”');
    expect(describeDiffEntry(entry('moved:equiv'), 'compare')).toBe('“False equivalence”: “Fallacy” → the top level');
  });

  it('says that the sub-codes of a removed code move up', () => {
    const removed = diffCodebooks(current, current.filter((c) => c.id !== 'fallacy')).entries.find((e) => e.kind === 'removed')!;
    expect(describeDiffEntry(removed, 'import')).toBe('Remove “Fallacy” (its 2 sub-codes move up)');
  });
});
