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
