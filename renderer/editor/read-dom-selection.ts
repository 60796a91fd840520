import { $createRangeSelectionFromDom, $setSelection } from 'lexical';

import { codePointLength, utf16ToCodePoint } from '@shared/text/offsets';

import { editorRegistry } from './editor-registry';
import { flushRestores } from './reselect';
import { $readSelectionRange } from './selection-offsets';

export type SelectionTarget =
  | { kind: 'range'; postId: string; start: number; end: number }
  | { kind: 'none' }
  | { kind: 'cross-post' };

/**
 * Where the user's text selection lies, as code points in one post's text. A selection whose ends
 * sit in two different posts is refused: a coding belongs to one post.
 */
export function readDomSelection(selection: Selection | null, textOf: (postId: string) => string | undefined): SelectionTarget {
  // The selection kept from the last coding may still wait for its frame (reselect.ts).
  flushRestores();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: 'none' };
  const anchorPost = postIdAt(selection.anchorNode);
  const focusPost = postIdAt(selection.focusNode);
  if (anchorPost === null && focusPost === null) return { kind: 'none' };
  if (anchorPost !== focusPost) return { kind: 'cross-post' };
  const postId = anchorPost as string;
  const editor = editorRegistry.get(postId);
  const text = textOf(postId);
  if (!editor || text === undefined) return { kind: 'none' };
  let range: { start: number; end: number } | null = null;
  editor.update(
    () => {
      const lexicalSelection = $createRangeSelectionFromDom(selection, editor);
      if (!lexicalSelection) return;
      $setSelection(lexicalSelection);
      range = $readSelectionRange();
    },
    { discrete: true },
  );
  const found = range as { start: number; end: number } | null;
  if (!found) return { kind: 'none' };
  const start = utf16ToCodePoint(text, found.start);
  // An end inside a surrogate pair rounds up so the character is kept whole.
  const end = Math.min(codePointLength(text), utf16ToCodePoint(text, found.end) + (isInsidePair(text, found.end) ? 1 : 0));
  return start < end ? { kind: 'range', postId, start, end } : { kind: 'none' };
}

function postIdAt(node: Node | null): string | null {
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest<HTMLElement>('[data-post-text]')?.dataset.postText ?? null;
}

function isInsidePair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  return index > 0 && index < text.length && before >= 0xd800 && before <= 0xdbff;
}
