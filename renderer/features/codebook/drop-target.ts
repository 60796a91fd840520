/**
 * Where a dragged code lands: the top or bottom quarter of a row puts it before or after that
 * code (reordering), the middle nests it as the code's last child. Pure, so tested without a DOM.
 */
import { isWithin, siblingsOf } from '@shared/codebook/tree-moves';
import type { Code } from '@shared/model/records';

import type { TreeRow } from './code-tree-rows';

export type DropZone = 'before' | 'inside' | 'after';

/** The zone at `offsetY` pixels from the top of a row `height` pixels tall. */
export function dropZone(offsetY: number, height: number): DropZone {
  if (offsetY < height / 4) return 'before';
  if (offsetY > (height * 3) / 4) return 'after';
  return 'inside';
}

/** The arguments of `moveCode` for dropping `draggedId` in `zone` of `target`. */
export function dropDestination(codes: readonly Code[], draggedId: string, target: TreeRow, zone: DropZone): { parentId: string | null; index: number } {
  const others = (parentId: string | null): Code[] => siblingsOf(codes, parentId).filter((c) => c.id !== draggedId);
  if (zone === 'inside') return { parentId: target.code.id, index: others(target.code.id).length };
  // Just below an open parent is its first child's place, as the eye reads it.
  if (zone === 'after' && target.hasChildren && target.expanded) return { parentId: target.code.id, index: 0 };
  const at = others(target.parentId).findIndex((c) => c.id === target.code.id);
  return { parentId: target.parentId, index: zone === 'before' ? at : at + 1 };
}

/** Whether the drop would put a code inside itself (refused by the move; shown as such while dragging). */
export function dropIntoItself(codes: readonly Code[], draggedId: string, target: TreeRow, zone: DropZone): boolean {
  const { parentId } = dropDestination(codes, draggedId, target, zone);
  return parentId !== null && isWithin(codes, parentId, draggedId);
}
