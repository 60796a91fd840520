import { createHeadlessEditor } from '@lexical/headless';
import { MarkNode } from '@lexical/mark';
import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $setSelection,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';

import { $isCodingMarkNode, CodingMarkNode } from './coding-mark-node';
import { $setPostContent, type MarkSpan } from './post-content';
import { $readSelectionRange } from './selection-offsets';

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

/** The post as [text, covering ids] pieces, line breaks as "\n". */
function pieces(editor: LexicalEditor): Array<[string, string[]]> {
  return editor.getEditorState().read(() => {
    const out: Array<[string, string[]]> = [];
    const visit = (node: LexicalNode, ids: string[]): void => {
      if ($isCodingMarkNode(node)) {
        node.getChildren().forEach((c) => visit(c, node.getIDs()));
      } else if ($isElementNode(node)) {
        node.getChildren().forEach((c) => visit(c, ids));
      } else if ($isLineBreakNode(node)) {
        out.push(['\n', ids]);
      } else {
        out.push([node.getTextContent(), ids]);
      }
    };
    visit($getRoot(), []);
    return out;
  });
}

/** Each mark's ids and colours, in order. */
function markColours(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getAllTextNodes()
      .map((n) => n.getParent())
      .filter($isCodingMarkNode)
      .map((m) => `${m.getIDs().join(' ')}=${m.__colors.join(' ')}`),
  );
}

function leafTexts(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() => $getRoot().getAllTextNodes().map((n) => n.getTextContent()));
}

function selectAndRead(editor: LexicalEditor, anchor: [number, number], focus: [number, number]) {
  let range: ReturnType<typeof $readSelectionRange> = null;
  editor.update(
    () => {
      const leaves = $getRoot().getAllTextNodes();
      const selection = $createRangeSelection();
      selection.anchor.set((leaves[anchor[0]] as TextNode).getKey(), anchor[1], 'text');
      selection.focus.set((leaves[focus[0]] as TextNode).getKey(), focus[1], 'text');
      $setSelection(selection);
      range = $readSelectionRange();
    },
    { discrete: true },
  );
  return range;
}

describe('post content', () => {
  it('renders overlapping codings as flat marks listing every covering coding', () => {
    const text = 'my cousin said the government hides it';
    const editor = editorWith(text, [
      { id: 'A', start: 3, end: 15, color: '#ff0000' },
      { id: 'B', start: 10, end: 35, color: '#0000ff' },
    ]);
    expect(pieces(editor)).toEqual([
      ['my ', []],
      ['cousin ', ['A']],
      ['said ', ['A', 'B']],
      ['the government hides', ['B']],
      [' it', []],
    ]);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(text);
  });

  it('keeps line breaks, emoji and CRLF-free text exact', () => {
    const text = 'first line 👩‍👩‍👧\n> quoted\nlast';
    const editor = editorWith(text, [{ id: 'A', start: 6, end: 20, color: '#00aa00' }]);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(text);
    expect(pieces(editor).map(([t]) => t).join('')).toBe(text);
  });

  it('rebuilding replaces the content instead of nesting marks', () => {
    const editor = editorWith('abcdef', [{ id: 'A', start: 0, end: 3, color: '#ff0000' }]);
    editor.update(
      () =>
        $setPostContent('abcdef', [
          { id: 'A', start: 0, end: 3, color: '#ff0000' },
          { id: 'B', start: 2, end: 6, color: '#0000ff' },
        ]),
      { discrete: true },
    );
    expect(pieces(editor)).toEqual([
      ['ab', ['A']],
      ['c', ['A', 'B']],
      ['def', ['B']],
    ]);
  });

  it('a rebuild keeps the nodes before and after the change and recreates only the stretch between', () => {
    const text = 'alpha beta\ngamma delta\nepsilon zeta';
    const editor = editorWith(text, [{ id: 'A', start: 0, end: 5, color: '#ff0000' }]);
    const keysBefore = editor.getEditorState().read(() => $getRoot().getAllTextNodes().map((n) => [n.getTextContent(), n.getKey()]));
    editor.update(
      () =>
        $setPostContent(text, [
          { id: 'A', start: 0, end: 5, color: '#ff0000' },
          { id: 'B', start: 11, end: 16, color: '#0000ff' },
        ]),
      { discrete: true },
    );
    const keysAfter = new Map(editor.getEditorState().read(() => $getRoot().getAllTextNodes().map((n) => [n.getTextContent(), n.getKey()])));
    // The first mark and the last line are untouched; the middle line was cut around the new mark.
    expect(keysAfter.get('alpha')).toBe(new Map(keysBefore as Array<[string, string]>).get('alpha'));
    expect(keysAfter.get('epsilon zeta')).toBe(new Map(keysBefore as Array<[string, string]>).get('epsilon zeta'));
    expect(pieces(editor)).toEqual([
      ['alpha', ['A']],
      [' beta', []],
      ['\n', []],
      ['gamma', ['B']],
      [' delta', []],
      ['\n', []],
      ['epsilon zeta', []],
    ]);
  });

  it('a rebuild after any change gives the same content as building the post afresh', () => {
    const text = 'ab\ncd 👩‍👩‍👧 ef\n\ngh ij kl';
    // A fixed pseudo-random walk over span sets: additions, removals, colour changes, overlaps, text edges.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const editor = editorWith(text, []);
    let spans: MarkSpan[] = [];
    for (let step = 0; step < 60; step++) {
      const move = next(4);
      if (move === 0 || spans.length === 0) {
        const start = next(text.length);
        spans = [...spans, { id: `s${step}`, start, end: start + 1 + next(text.length - start), color: ['#ff0000', '#00aa00', '#0000ff'][next(3)]! }];
      } else if (move === 1) spans = spans.filter((_, i) => i !== next(spans.length));
      else if (move === 2) spans = spans.map((s, i) => (i === next(spans.length) ? { ...s, color: s.color === '#ff0000' ? '#0000ff' : '#ff0000' } : s));
      else spans = spans.slice(0, 1);
      editor.update(() => $setPostContent(text, spans), { discrete: true });
      const fresh = editorWith(text, spans);
      expect(pieces(editor)).toEqual(pieces(fresh));
      expect(markColours(editor)).toEqual(markColours(fresh));
      expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(text);
    }
  });
});

describe('selection offsets', () => {
  const text = 'one two\nthree four';
  const spans: MarkSpan[] = [{ id: 'A', start: 4, end: 12, color: '#ff0000' }];

  it('reads a selection across mark and line-break boundaries as text offsets', () => {
    const editor = editorWith(text, spans);
    // leaves: "one " | "two" (A) | "thre" (A, after <br>) | "e four"
    expect(leafTexts(editor)).toEqual(['one ', 'two', 'thre', 'e four']);
    expect(selectAndRead(editor, [0, 1], [3, 2])).toEqual({ start: 1, end: 14 });
    expect(text.slice(1, 14)).toBe('ne two\nthree ');
  });

  it('normalizes a backward selection', () => {
    const editor = editorWith(text, spans);
    expect(selectAndRead(editor, [2, 3], [1, 0])).toEqual({ start: 4, end: 11 });
  });

  it('returns null for a collapsed selection', () => {
    const editor = editorWith(text, spans);
    expect(selectAndRead(editor, [0, 2], [0, 2])).toBeNull();
  });
});
