import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  type LexicalNode,
  type PointType,
} from 'lexical';

/** A selection inside one post, in UTF-16 indices of the post text, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Reads the editor's selection as offsets into the post text by walking the leaves in order
 * (TextNode and LineBreakNode), which is exact where DOM Range arithmetic drifts at <br>.
 * Returns null when there is no non-empty range selection. Must run inside `editor.read`.
 */
export function $readSelectionRange(): TextRange | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const starts = leafStarts();
  const a = pointOffset(selection.anchor, starts);
  const b = pointOffset(selection.focus, starts);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** Offset of each leaf's first character, in document order. */
function leafStarts(): Map<string, number> {
  const starts = new Map<string, number>();
  let offset = 0;
  const visit = (node: LexicalNode): void => {
    if ($isElementNode(node)) {
      starts.set(node.getKey(), offset);
      for (const child of node.getChildren()) visit(child);
      return;
    }
    starts.set(node.getKey(), offset);
    if ($isTextNode(node) || $isLineBreakNode(node)) offset += node.getTextContentSize();
  };
  visit($getRoot());
  return starts;
}

function pointOffset(point: PointType, starts: Map<string, number>): number | null {
  const node = point.getNode();
  const base = starts.get(node.getKey());
  if (base === undefined) return null;
  if (point.type === 'text') return base + point.offset;
  if (!$isElementNode(node)) return base;
  // An element point sits before children[offset], or at the element's end.
  const child = node.getChildAtIndex(point.offset);
  if (child !== null) return starts.get(child.getKey()) ?? null;
  return base + node.getTextContentSize();
}
