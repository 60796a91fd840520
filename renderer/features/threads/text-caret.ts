/**
 * Keyboard selection inside a read-only post. Chromium's `Selection.modify` moves and extends a
 * selection in non-editable text, so a keyboard user selects a claim without caret browsing.
 */

function textRoot(postId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-post-text="${CSS.escape(postId)}"]`);
}

/** Puts a caret at the start of the post text. Returns false when the post is not on screen. */
export function startCaret(postId: string): boolean {
  const root = textRoot(postId);
  const selection = window.getSelection();
  if (!root || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(root);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/** Selects the whole text of a post, so the next code applies to the whole post. */
export function selectWholePost(postId: string): void {
  const root = textRoot(postId);
  const selection = window.getSelection();
  if (!root || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(root);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Left and right are visual: in a right-to-left line, ArrowLeft moves on through the text, as in
 * any editor (Chromium follows the bidi runs of the line). Up, down, Home and End are logical.
 */
const DIRECTIONS: Record<string, 'forward' | 'backward' | 'left' | 'right'> = {
  ArrowRight: 'right',
  ArrowDown: 'forward',
  End: 'forward',
  ArrowLeft: 'left',
  ArrowUp: 'backward',
  Home: 'backward',
};

/** Handles an arrow key in text mode; true when it moved or extended the selection. */
export function moveCaret(event: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean }): boolean {
  const direction = DIRECTIONS[event.key];
  const selection = window.getSelection() as (Selection & { modify?: Selection['modify'] }) | null;
  if (!direction || !selection?.modify) return false;
  const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
  const edge = event.key === 'Home' || event.key === 'End';
  const granularity = edge ? 'lineboundary' : vertical ? 'line' : event.ctrlKey || event.altKey ? 'word' : 'character';
  selection.modify(event.shiftKey ? 'extend' : 'move', direction, granularity);
  return true;
}
