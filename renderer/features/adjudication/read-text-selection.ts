import { codePointLength, utf16ToCodePoint } from '@shared/text/offsets';

/** On every element that shows the current post's text, or a stretch of it (AdjudicationText). */
export const TEXT_ATTRIBUTE = 'data-adjudication-text';
/** Where the shown stretch starts in the post's text (UTF-16). */
export const FROM_ATTRIBUTE = 'data-from';
/** Ellipses around a stretch: not the post's text. */
export const ELLIPSIS_ATTRIBUTE = 'data-ellipsis';

/**
 * The user's text selection as code points (end exclusive) in the current post's text: both ends
 * inside one element marked `data-adjudication-text` (a coder's column or the consensus column).
 * Null when nothing is selected there.
 */
export function readTextSelection(selection: Selection | null, text: string): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const root = holder(selection.anchorNode);
  if (!root || root !== holder(selection.focusNode)) return null;
  const range = selection.getRangeAt(0);
  const from = utf16Offset(root, range.startContainer, range.startOffset);
  const to = utf16Offset(root, range.endContainer, range.endOffset);
  if (from === null || to === null) return null;
  const start = utf16ToCodePoint(text, Math.min(from, to));
  const endUnits = Math.min(text.length, Math.max(from, to));
  // An end inside a surrogate pair rounds up, so the character is kept whole.
  const end = Math.min(codePointLength(text), utf16ToCodePoint(text, endUnits) + (insidePair(text, endUnits) ? 1 : 0));
  return start < end ? { start, end } : null;
}

function holder(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>(`[${TEXT_ATTRIBUTE}]`) ?? null;
}

/** The post-text offset (UTF-16) of a point inside `root`: the stretch's start plus the text before the point, ellipses left out. */
function utf16Offset(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  const before = range.cloneContents();
  for (const ellipsis of before.querySelectorAll(`[${ELLIPSIS_ATTRIBUTE}]`)) ellipsis.remove();
  return Number(root.getAttribute(FROM_ATTRIBUTE) ?? 0) + (before.textContent?.length ?? 0);
}

function insidePair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  return index > 0 && index < text.length && before >= 0xd800 && before <= 0xdbff;
}
