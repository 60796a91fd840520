/**
 * What a key does on a focused code in the codebook tree (the WAI-ARIA tree pattern, plus moving
 * codes with Alt+arrows). Pure: the tree component only carries the command out.
 */
import type { KeyboardMove } from '@shared/project/operations/codebook';
import type { TreeRow } from './code-tree-rows';

export type TreeCommand =
  | { kind: 'focus'; index: number }
  | { kind: 'expand' | 'collapse'; codeId: string }
  | { kind: 'move'; move: KeyboardMove }
  | { kind: 'apply' | 'menu' | 'rename' | 'delete' };

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const MOVES: Readonly<Record<string, KeyboardMove>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

/** The command for `input` on `rows[index]`, or null when the key is not the tree's (it then goes on to the app). */
export function treeCommand(rows: readonly TreeRow[], index: number, input: KeyInput): TreeCommand | null {
  const row = rows[index];
  if (!row || input.ctrlKey || input.metaKey) return null;
  if (input.altKey) {
    const move = input.shiftKey ? undefined : MOVES[input.key];
    return move ? { kind: 'move', move } : null;
  }
  if (input.key === 'F10' && input.shiftKey) return { kind: 'menu' };
  if (input.shiftKey) return null;
  switch (input.key) {
    case 'ArrowDown':
      return { kind: 'focus', index: Math.min(index + 1, rows.length - 1) };
    case 'ArrowUp':
      return { kind: 'focus', index: Math.max(index - 1, 0) };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      return row.expanded ? { kind: 'focus', index: index + 1 } : { kind: 'expand', codeId: row.code.id };
    case 'ArrowLeft': {
      if (row.hasChildren && row.expanded) return { kind: 'collapse', codeId: row.code.id };
      const parent = rows.findIndex((r) => r.code.id === row.parentId);
      return parent === -1 ? null : { kind: 'focus', index: parent };
    }
    case 'Enter':
      return { kind: 'apply' };
    case 'ContextMenu':
      return { kind: 'menu' };
    case 'F2':
      return { kind: 'rename' };
    case 'Delete':
      return { kind: 'delete' };
    default:
      return null;
  }
}
