/**
 * Right-to-left and mixed posts in the post editor: a selection is read in logical order (the order
 * of the stored text), whatever order the runs are painted in, and marks over mixed runs cover
 * exactly their text. Real Arabic, Hebrew and Persian posts with English, emoji and hashtags.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { MarkNode } from '@lexical/mark';
import { $createRangeSelection, $getRoot, $isLineBreakNode, $isTextNode, $setSelection, type LexicalEditor, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';

import { codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from '@shared/text/offsets';

import { $isCodingMarkNode, CodingMarkNode } from './coding-mark-node';
import { $setPostContent, type MarkSpan } from './post-content';
import { $readSelectionRange } from './selection-offsets';

const ARABIC = 'الرجال ضحايا أيضاً، but nobody talks about it 😡 #العدالة_للجميع\nلماذا تتجاهلون هذا؟ 🤷🏽‍♂️';
const HEBREW = 'זה בדיוק whataboutism קלאסי 🙄 — מה עם הנשים? #שוויון';
const PERSIAN = 'من فکر می‌کنم این مقایسه درست نیست 🤔 #برابری\nand this line is English';

/** Code-point offsets of `phrase`'s first appearance in `text`, as the database stores them. */
function cpRange(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start: utf16ToCodePoint(text, at), end: utf16ToCodePoint(text, at + phrase.length) };
}

/** A mark span (UTF-16, as the editor gets it) over `phrase`. */
function spanOver(text: string, phrase: string, id: string): MarkSpan {
  const { start, end } = cpRange(text, phrase);
  return { id, start: codePointToUtf16(text, start), end: codePointToUtf16(text, end), color: '#2a9d8f' };
}

function editorWith(text: string, spans: MarkSpan[]): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [MarkNode, CodingMarkNode],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $setPostContent(text, spans), { discrete: true });
  return editor;
}

/** The text node and offset holding UTF-16 index `at` (the start of the next leaf at a boundary). */
function $pointAt(at: number): [string, number] {
  let offset = 0;
  for (const leaf of leaves()) {
    const size = leaf.getTextContentSize();
    if ($isTextNode(leaf) && at <= offset + size && (at < offset + size || !nextIsText(leaf))) return [leaf.getKey(), at - offset];
    offset += size;
  }
  throw new Error(`no text at ${at}`);
}

function leaves(): LexicalNode[] {
  const out: LexicalNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isTextNode(node) || $isLineBreakNode(node)) out.push(node);
    else if ('getChildren' in node) (node as unknown as { getChildren(): LexicalNode[] }).getChildren().forEach(visit);
  };
  visit($getRoot());
  return out;
}

const nextIsText = (leaf: LexicalNode): boolean => {
  const all = leaves();
  const next = all[all.indexOf(leaf) + 1];
  return next !== undefined && $isTextNode(next);
};

/**
 * Selects from code point `anchor` to code point `focus` (anchor after focus is a backward
 * selection, what a drag leftwards through right-to-left text makes) and reads it back as the
 * coding would: code points, start before end.
 */
function select(editor: LexicalEditor, text: string, anchor: number, focus: number) {
  let range: ReturnType<typeof $readSelectionRange> = null;
  editor.update(
    () => {
      const selection = $createRangeSelection();
      const [aKey, aOffset] = $pointAt(codePointToUtf16(text, anchor));
      const [fKey, fOffset] = $pointAt(codePointToUtf16(text, focus));
      selection.anchor.set(aKey, aOffset, 'text');
      selection.focus.set(fKey, fOffset, 'text');
      $setSelection(selection);
      range = $readSelectionRange();
    },
    { discrete: true },
  );
  const found = range as { start: number; end: number } | null;
  return found && { start: utf16ToCodePoint(text, found.start), end: utf16ToCodePoint(text, found.end) };
}

describe('selections in right-to-left and mixed posts', () => {
  it.each([
    ['Arabic inside one run', ARABIC, 'ضحايا أيضاً'],
    ['Arabic into the English run', ARABIC, 'أيضاً، but nobody'],
    ['English run into the Arabic hashtag, across the emoji', ARABIC, 'about it 😡 #العدالة'],
    ['across the line break, ending after an emoji ZWJ sequence', ARABIC, 'للجميع\nلماذا تتجاهلون هذا؟ 🤷🏽‍♂️'],
    ['Hebrew around an English word', HEBREW, 'בדיוק whataboutism קלאסי'],
    ['Hebrew after an em dash', HEBREW, 'מה עם הנשים? #שוויון'],
    ['Persian with a zero-width non-joiner', PERSIAN, 'فکر می‌کنم'],
    ['Persian hashtag into the English line', PERSIAN, '#برابری\nand this'],
  ])('%s: forward and backward selections give the same code points, and the slice is the phrase', (_, text, phrase) => {
    const expected = cpRange(text, phrase);
    // Across marks over mixed runs too: the leaves are cut where the codings start and end.
    const spans = [spanOver(text, [...text].slice(3, 12).join(''), 'A'), spanOver(text, phrase, 'B')];
    for (const editor of [editorWith(text, []), editorWith(text, spans)]) {
      expect(select(editor, text, expected.start, expected.end)).toEqual(expected);
      expect(select(editor, text, expected.end, expected.start)).toEqual(expected);
    }
    expect(sliceCodePoints(text, expected.start, expected.end)).toBe(phrase);
  });

  it('a mark over mixed runs holds exactly its text, in logical order', () => {
    const phrase = 'أيضاً، but nobody talks about it 😡 #العدالة';
    const editor = editorWith(ARABIC, [spanOver(ARABIC, phrase, 'A'), spanOver(ARABIC, 'nobody talks', 'B')]);
    const marked = editor.getEditorState().read(() => {
      let out = '';
      const visit = (node: LexicalNode, inside: boolean): void => {
        if ($isCodingMarkNode(node)) node.getChildren().forEach((c) => visit(c, node.getIDs().includes('A')));
        else if ($isTextNode(node) || $isLineBreakNode(node)) out += inside ? node.getTextContent() : '';
        else if ('getChildren' in node) (node as unknown as { getChildren(): LexicalNode[] }).getChildren().forEach((c) => visit(c, inside));
      };
      visit($getRoot(), false);
      return out;
    });
    expect(marked).toBe(phrase);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(ARABIC);
  });
});
