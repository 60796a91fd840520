import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalNode,
} from 'lexical';

import { segmentize } from '@shared/text/segments';

import { $createCodingMarkNode } from './coding-mark-node';

/** A coding as the editor needs it: UTF-16 offsets into the post text and the code's colour. */
export interface MarkSpan {
  id: string;
  start: number;
  end: number;
  color: string;
}

/**
 * Replaces the editor's content with the post text cut at every coding boundary (docs/editor.md,
 * "Flat marks"): each covered piece is one flat mark listing all covering codings; line breaks
 * become LineBreakNodes. Must run inside `editor.update`.
 */
export function $setPostContent(text: string, spans: readonly MarkSpan[]): void {
  const root = $getRoot();
  const paragraph = $createParagraphNode();
  const colorOf = new Map(spans.map((s) => [s.id, s.color]));
  for (const segment of segmentize(text.length, spans)) {
    const pieces = textNodes(text.slice(segment.start, segment.end));
    if (segment.ids.length === 0) {
      paragraph.append(...pieces);
      continue;
    }
    const mark = $createCodingMarkNode(
      segment.ids,
      segment.ids.map((id) => colorOf.get(id) ?? '#999999'),
    );
    mark.append(...pieces);
    paragraph.append(mark);
  }
  // splice, never clear(): an emptied element that cannot be empty removes itself (docs/editor.md,
  // "Replacing a post's content").
  root.splice(0, root.getChildrenSize(), [paragraph]);
}

function textNodes(piece: string): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  piece.split('\n').forEach((line, i) => {
    if (i > 0) nodes.push($createLineBreakNode());
    if (line.length > 0) nodes.push($createTextNode(line));
  });
  return nodes;
}
