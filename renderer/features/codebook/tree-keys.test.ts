import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { visibleRows } from './code-tree-rows';
import { treeCommand, type KeyInput } from './tree-keys';

const code = (id: string, parentId: string | null, order: number): Code => ({
  ...EMPTY_CODE_FIELDS,
  id,
  name: id,
  parentId,
  order,
  color: '#000000',
  examples: [],
  exemplarCodingIds: [],
});

const codes = [code('a', null, 0), code('a1', 'a', 0), code('a2', 'a', 1), code('b', null, 1)];
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('treeCommand', () => {
  const rows = visibleRows(codes, new Set(), '');

  it('moves focus with the arrows, Home and End, stopping at the ends', () => {
    expect(treeCommand(rows, 0, key('ArrowDown'))).toEqual({ kind: 'focus', index: 1 });
    expect(treeCommand(rows, 3, key('ArrowDown'))).toEqual({ kind: 'focus', index: 3 });
    expect(treeCommand(rows, 0, key('ArrowUp'))).toEqual({ kind: 'focus', index: 0 });
    expect(treeCommand(rows, 2, key('Home'))).toEqual({ kind: 'focus', index: 0 });
    expect(treeCommand(rows, 0, key('End'))).toEqual({ kind: 'focus', index: 3 });
  });

  it('Right opens a closed parent, then enters it; Left closes an open parent, else goes to the parent', () => {
    const closed = visibleRows(codes, new Set(['a']), '');
    expect(treeCommand(closed, 0, key('ArrowRight'))).toEqual({ kind: 'expand', codeId: 'a' });
    expect(treeCommand(rows, 0, key('ArrowRight'))).toEqual({ kind: 'focus', index: 1 });
    expect(treeCommand(rows, 1, key('ArrowRight'))).toBeNull();
    expect(treeCommand(rows, 0, key('ArrowLeft'))).toEqual({ kind: 'collapse', codeId: 'a' });
    expect(treeCommand(rows, 2, key('ArrowLeft'))).toEqual({ kind: 'focus', index: 0 });
    expect(treeCommand(rows, 3, key('ArrowLeft'))).toBeNull();
  });

  it('Alt+arrows move the code: up, down, indent, outdent', () => {
    expect(treeCommand(rows, 1, key('ArrowUp', { altKey: true }))).toEqual({ kind: 'move', move: 'up' });
    expect(treeCommand(rows, 1, key('ArrowDown', { altKey: true }))).toEqual({ kind: 'move', move: 'down' });
    expect(treeCommand(rows, 3, key('ArrowRight', { altKey: true }))).toEqual({ kind: 'move', move: 'indent' });
    expect(treeCommand(rows, 1, key('ArrowLeft', { altKey: true }))).toEqual({ kind: 'move', move: 'outdent' });
  });

  it('Enter applies, Shift+F10 and the menu key open the actions, F2 renames, Delete deletes', () => {
    expect(treeCommand(rows, 0, key('Enter'))).toEqual({ kind: 'apply' });
    expect(treeCommand(rows, 0, key('F10', { shiftKey: true }))).toEqual({ kind: 'menu' });
    expect(treeCommand(rows, 0, key('ContextMenu'))).toEqual({ kind: 'menu' });
    expect(treeCommand(rows, 0, key('F2'))).toEqual({ kind: 'rename' });
    expect(treeCommand(rows, 0, key('Delete'))).toEqual({ kind: 'delete' });
  });

  it('leaves Ctrl/Cmd keys, letters and digits to the app (undo, code shortcuts)', () => {
    expect(treeCommand(rows, 0, key('z', { ctrlKey: true }))).toBeNull();
    expect(treeCommand(rows, 0, key('ArrowDown', { metaKey: true }))).toBeNull();
    expect(treeCommand(rows, 0, key('4'))).toBeNull();
    expect(treeCommand(rows, 0, key('F10'))).toBeNull();
    expect(treeCommand([], 0, key('ArrowDown'))).toBeNull();
  });
});
