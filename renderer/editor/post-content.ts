import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical';

import { segmentize } from '@shared/text/segments';

import { $createCodingMarkNode, $isCodingMarkNode } from './coding-mark-node';

/** A coding as the editor needs it: UTF-16 offsets into the post text and the code's colour. */
export interface MarkSpan {
  id: string;
  start: number;
  end: number;
  color: string;
}

/**
 * Sets the editor's content to the post text cut at every coding boundary (docs/editor.md,
 * "Flat marks"): each covered piece is one flat mark listing all covering codings; line breaks
 * become LineBreakNodes. Must run inside `editor.update`.
 *
 * Only what changed is replaced: the paragraph's children that match the new content from the
 * start and from the end are kept (same nodes, so Lexical keeps their DOM), and the stretch
 * between them is rebuilt. A coding then recreates the DOM of the few pieces around it, not of the
 * whole post (issue 15: rebuilding a long post was ~6 ms of a coding's main-thread time).
 */
export function $setPostContent(text: string, spans: readonly MarkSpan[]): void {
  const root = $getRoot();
  const planned = plannedPieces(text, spans);
  const only = root.getChildrenSize() === 1 ? root.getFirstChild() : null;
  if (!$isParagraphNode(only)) {
    const paragraph = $createParagraphNode();
    paragraph.append(...planned.map((p) => p.create()));
    // splice, never clear(): an emptied element that cannot be empty removes itself (docs/editor.md,
    // "Replacing a post's content").
    root.splice(0, root.getChildrenSize(), [paragraph]);
    return;
  }
  const old = only.getChildren().map(signatureOf);
  let prefix = 0;
  while (prefix < old.length && prefix < planned.length && old[prefix] === planned[prefix]!.signature) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < planned.length - prefix && old[old.length - 1 - suffix] === planned[planned.length - 1 - suffix]!.signature) suffix++;
  if (prefix === old.length && prefix === planned.length) return;
  only.splice(prefix, old.length - prefix - suffix, planned.slice(prefix, planned.length - suffix).map((p) => p.create()));
}

/** A child of the paragraph to be: what it shows (compared with the present children) and how to make it. */
interface PlannedPiece {
  signature: string;
  create: () => LexicalNode;
}

const SEP = '\u0001';

function plannedPieces(text: string, spans: readonly MarkSpan[]): PlannedPiece[] {
  const planned: PlannedPiece[] = [];
  const colorOf = new Map(spans.map((s) => [s.id, s.color]));
  for (const segment of segmentize(text.length, spans)) {
    const piece = text.slice(segment.start, segment.end);
    if (segment.ids.length === 0) {
      piece.split('\n').forEach((line, i) => {
        if (i > 0) planned.push({ signature: 'br', create: () => $createLineBreakNode() });
        if (line.length > 0) planned.push({ signature: `t${SEP}${line}`, create: () => $createTextNode(line) });
      });
      continue;
    }
    const ids = segment.ids;
    const colors = ids.map((id) => colorOf.get(id) ?? '#999999');
    planned.push({
      signature: markSignature(ids, colors, piece),
      create: () => {
        const mark = $createCodingMarkNode(ids, colors);
        mark.append(...textNodes(piece));
        return mark;
      },
    });
  }
  return planned;
}

const markSignature = (ids: readonly string[], colors: readonly string[], text: string) => `m${SEP}${ids.join(' ')}${SEP}${colors.join(' ')}${SEP}${text}`;

/** What a present child shows, in the planned pieces' terms; null for anything this module does not make. */
function signatureOf(node: LexicalNode): string | null {
  if ($isLineBreakNode(node)) return 'br';
  if ($isCodingMarkNode(node)) {
    const mark = node.getLatest();
    return markSignature(mark.getIDs(), mark.__colors, mark.getTextContent());
  }
  if ($isTextNode(node) && node.getFormat() === 0 && node.getStyle() === '' && node.getMode() === 'normal') return `t${SEP}${node.getTextContent()}`;
  return null;
}

function textNodes(piece: string): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  piece.split('\n').forEach((line, i) => {
    if (i > 0) nodes.push($createLineBreakNode());
    if (line.length > 0) nodes.push($createTextNode(line));
  });
  return nodes;
}
