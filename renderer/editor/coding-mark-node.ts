import { MarkNode } from '@lexical/mark';
import type { EditorConfig, LexicalNode } from 'lexical';

import { highlightPaint } from './highlight-colour';

/**
 * One flat highlight over a stretch of post text, listing every coding that covers it.
 * Marks are rebuilt from Dexie on every change (docs/decisions/0002-dexie-is-the-truth.md): the
 * node carries ids and colours only for display, never state.
 */
export class CodingMarkNode extends MarkNode {
  /** Colours of the codes of the covering codings, in the same order as the ids. */
  __colors: readonly string[] = [];

  override $config() {
    return this.config('coding-mark', { extends: MarkNode });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__colors = prevNode.__colors;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    paintMark(element, this.getIDs(), this.__colors);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement, config: EditorConfig): boolean {
    const replaced = super.updateDOM(prevNode, element, config);
    paintMark(element, this.getIDs(), this.__colors);
    return replaced;
  }
}

export function $createCodingMarkNode(ids: readonly string[], colors: readonly string[]): CodingMarkNode {
  const node = new CodingMarkNode(ids);
  node.__colors = colors;
  return node;
}

export function $isCodingMarkNode(node: LexicalNode | null | undefined): node is CodingMarkNode {
  return node instanceof CodingMarkNode;
}

/**
 * Colours by CSSOM (allowed under the strict CSP). Each tint's opacity keeps the text at 4.5:1
 * whatever colour was picked (highlight-colour.ts). Overlaps show every code as a stripe, so a
 * segment coded twice never looks like a segment coded once.
 */
function paintMark(element: HTMLElement, ids: readonly string[], colors: readonly string[]): void {
  element.dataset.codingIds = ids.join(' ');
  element.dataset.overlap = ids.length > 1 ? 'true' : 'false';
  const paints = [...new Set(colors)].map((color) => highlightPaint(color));
  const first = paints[0] ?? highlightPaint('#999999');
  element.dataset.markStyle = paints.every((p) => p.style === 'underline') ? 'underline' : 'tint';
  element.style.setProperty('--mark-color', first.underline);
  element.style.setProperty('--mark-bg', first.background);
  if (paints.length <= 1) {
    element.style.removeProperty('background-image');
    return;
  }
  const band = 100 / paints.length;
  const stops = paints.map((p, i) => `${p.background} ${i * band}%, ${p.background} ${(i + 1) * band}%`).join(', ');
  element.style.setProperty('background-image', `linear-gradient(180deg, ${stops})`);
}
