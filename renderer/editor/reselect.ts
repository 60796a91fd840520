import { measureInNextFrame } from './measure-in-frame';

/**
 * After a coding, the post is rebuilt and the browser's selection, which pointed into the old
 * nodes, is gone. Keeping it lets a researcher apply a second code to the same claim at once.
 * The coding action asks for a range; the post's editor restores it after its next rebuild.
 */
const pending = new Map<string, { start: number; end: number }>();

/** UTF-16 offsets into the post text. */
export function requestReselect(postId: string, range: { start: number; end: number }): void {
  pending.set(postId, range);
}

export function takeReselect(postId: string): { start: number; end: number } | undefined {
  const range = pending.get(postId);
  pending.delete(postId);
  return range;
}

/** Restores taken but not yet applied: post id → apply. */
const restoring = new Map<string, () => void>();

/**
 * Selects [start, end) of `root` at the start of the next frame, with the code margins' reads
 * (measure-in-frame.ts): setting a selection lays the page out, and inside the coding's commit that
 * was a layout of its own (7–17 ms, issue 15) before the frame's. Until then the page has no
 * selection; `flushRestores` applies it at once for whoever reads the selection sooner (a second
 * code key pressed before the frame). A selection the user made meanwhile elsewhere is kept.
 */
export function restoreSelectionInFrame(postId: string, root: HTMLElement, start: number, end: number): void {
  const restore = () => {
    if (restoring.get(postId) !== restore) return;
    restoring.delete(postId);
    if (root.isConnected && !selectionElsewhere(root)) selectTextRange(root, start, end);
  };
  restoring.set(postId, restore);
  measureInNextFrame(restore);
}

/** Applies every restore still waiting for its frame. */
export function flushRestores(): void {
  for (const restore of [...restoring.values()]) restore();
}

/** True when the page's selection is a range outside `root` (the user selected something else since). */
function selectionElsewhere(root: HTMLElement): boolean {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const anchor = selection.anchorNode;
  return anchor !== null && anchor.isConnected && !root.contains(anchor) && !selection.isCollapsed;
}

/**
 * Selects [start, end) of the text shown in `root`: text nodes count their length, <br> (a line
 * break in the post text) counts one, as in the post text itself.
 */
export function selectTextRange(root: HTMLElement, start: number, end: number): boolean {
  const selection = root.ownerDocument.getSelection();
  if (!selection) return false;
  let offset = 0;
  let startPoint: [Node, number] | null = null;
  let endPoint: [Node, number] | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node && !endPoint; node = walker.nextNode()) {
    const isText = node.nodeType === Node.TEXT_NODE;
    if (!isText && (node as Element).tagName !== 'BR') continue;
    const length = isText ? (node.textContent?.length ?? 0) : 1;
    if (!startPoint && start < offset + length) startPoint = isText ? [node, start - offset] : pointAfter(node);
    if (!endPoint && end <= offset + length) endPoint = isText ? [node, end - offset] : pointAfter(node);
    offset += length;
  }
  if (!startPoint || !endPoint) return false;
  selection.setBaseAndExtent(startPoint[0], startPoint[1], endPoint[0], endPoint[1]);
  return true;
}

function pointAfter(node: Node): [Node, number] {
  const parent = node.parentNode as Node;
  return [parent, Array.prototype.indexOf.call(parent.childNodes, node) + 1];
}
