import { describe, expect, it } from 'vitest';

import { ACTION_CATALOG, ACTION_IDS, ACTION_MENUS, actionsIn, isActionId } from './action-catalog';
import { parseShortcut } from './shortcut';

describe('action catalog', () => {
  it('has each id once, and the ids as a tuple', () => {
    const ids = ACTION_CATALOG.map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ACTION_IDS).toEqual(ids);
    expect(isActionId('undo')).toBe(true);
    expect(isActionId('format-disk')).toBe(false);
  });

  it('writes every shortcut in the notation, and no chord twice', () => {
    const chords = ACTION_CATALOG.flatMap((action) => [action.shortcut, ...(action.moreShortcuts ?? [])]).filter((s) => s !== undefined);
    for (const chord of chords) expect(() => parseShortcut(chord)).not.toThrow();
    const normalized = chords.map((chord) => JSON.stringify(parseShortcut(chord)));
    expect(new Set(normalized).size).toBe(normalized.length);
  });

  it('keeps the labels of one menu distinct', () => {
    for (const menu of ACTION_MENUS) {
      const labels = actionsIn(menu.id, ACTION_CATALOG).map(({ action }) => action.label);
      expect(new Set(labels).size, menu.id).toBe(labels.length);
    }
  });

  it('lists a menu in order, with a separator where the group changes', () => {
    expect(actionsIn('codebook', ACTION_CATALOG).map(({ action, startsGroup }) => [action.id, startsGroup])).toEqual([
      ['codebook-import', false],
      ['codebook-export-qdc', true],
      ['codebook-export-markdown', false],
      ['codebook-export-html', false],
      ['codebook-export-csv', false],
      ['codebook-name-version', true],
      ['codebook-versions', false],
    ]);
    expect(actionsIn('toolbar', ACTION_CATALOG).map(({ action }) => action.id)).toEqual(['undo', 'redo']);
    expect(actionsIn('view-switch', ACTION_CATALOG).map(({ action }) => action.shortLabel)).toEqual(['Coding', 'Analysis', 'Agreement', 'Adjudication', 'History', 'Rounds']);
    expect(actionsIn('team', ACTION_CATALOG).map(({ action, startsGroup }) => [action.id, startsGroup])).toEqual([
      ['team-sample', false],
      ['team-packages', false],
      ['add-coder-file', true],
      ['team-return', true],
      ['sync-connect', true],
      ['sync-open', false],
      ['sync-conflicts', false],
      ['sync-disconnect', false],
    ]);
  });
});
