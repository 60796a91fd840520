/**
 * HTML post bodies (Mastodon `content`, YouTube `textDisplay`, Reddit `body_html`) → the plain text
 * researchers code. No DOM: this runs in a Web Worker (no DOMParser there; docs/reliability.md,
 * "HTML in posts") and in Node. A small forward-only tokenizer handles the markup platforms emit
 * and stays linear on hostile input: every scan moves forward with indexOf or a sticky search,
 * never back.
 *
 * What the text keeps: paragraphs (<p>) as a blank line, <br> as a line break, other block
 * elements (div, li, blockquote, h1–h6…) as a line break so words never run together, <pre>
 * whitespace as written, link text (the href is dropped), and the text inside Mastodon's
 * `invisible` spans: those hide part of a long URL for display, but the full URL is what the author
 * wrote. Everything else (tags, attributes, comments, <script> and <style> with their content) is
 * dropped. Character references are decoded exactly once, inside text only. Whitespace collapses
 * as a browser renders it.
 */
import { decodeEntitiesOnce } from './html-entities';

export { decodeEntitiesOnce } from './html-entities';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const CELL = new Set(['td', 'th']);
/** Elements whose content is code or styling, never post text. */
const DROPPED_CONTENT: ReadonlyMap<string, RegExp> = new Map([
  ['script', /<\/script[\s/>]/gi],
  ['style', /<\/style[\s/>]/gi],
]);

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

export function htmlToText(html: string): string {
  const sink = new TextSink();
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      sink.text(html.slice(i));
      break;
    }
    if (lt > i) sink.text(html.slice(i, lt));
    const next = html.charCodeAt(lt + 1);
    if (isLetter(next) || (next === 0x2f && isLetter(html.charCodeAt(lt + 2)))) {
      const closing = next === 0x2f;
      const tag = readTag(html, closing ? lt + 2 : lt + 1);
      i = tag.end;
      const dropUntil = closing ? undefined : DROPPED_CONTENT.get(tag.name);
      if (dropUntil) {
        dropUntil.lastIndex = i;
        const close = dropUntil.exec(html);
        i = close ? close.index : n;
      } else sink.tag(tag.name, closing);
    } else if (html.startsWith('!--', lt + 1)) {
      i = commentEnd(html, lt + 4);
    } else if (next === 0x21 || next === 0x3f || next === 0x2f) {
      // <!DOCTYPE>, <?xml?>, <![CDATA[…]]>, </ 3>: HTML treats all as bogus comments up to '>'.
      const gt = html.indexOf('>', lt + 2);
      i = gt === -1 ? n : gt + 1;
    } else {
      sink.text('<'); // "a < b" is text
      i = lt + 1;
    }
  }
  return sink.result();
}

/** `<!-->` and `<!--->` close at once, as in HTML; an unclosed comment runs to the end. */
function commentEnd(html: string, from: number): number {
  if (html.startsWith('>', from)) return from + 1;
  if (html.startsWith('->', from)) return from + 2;
  const end = html.indexOf('-->', from);
  return end === -1 ? html.length : end + 3;
}

/**
 * Reads a tag from its name to just past its '>', stepping over quoted attribute values so a '>'
 * inside quotes does not end it. A tag cut off by the end of input is dropped, as HTML does.
 */
function readTag(html: string, nameStart: number): { name: string; end: number } {
  const n = html.length;
  let i = nameStart;
  while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(nameStart, i).toLowerCase();
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 0x3e) return { name, end: i + 1 };
    if (c !== 0x3d) {
      i++;
      continue;
    }
    // After '=': skip spaces, then a quoted value is skipped whole.
    i++;
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    const q = html[i];
    if (q === '"' || q === "'") {
      const close = html.indexOf(q, i + 1);
      if (close === -1) return { name, end: n };
      i = close + 1;
    }
  }
  return { name, end: n };
}

/** Collects text with browser-like whitespace: breaks are requested, then written once, lazily. */
class TextSink {
  private readonly parts: string[] = [];
  private hasOutput = false;
  /** Line breaks already at the end of the output. */
  private trailingNewlines = 0;
  private pendingSpace = false;
  /** Line breaks wanted before the next text (1 after a block, 2 after a paragraph). */
  private pendingBreaks = 0;
  private preDepth = 0;

  text(raw: string): void {
    const decoded = decodeEntitiesOnce(raw);
    if (this.preDepth > 0) {
      if (decoded.length > 0) this.write(decoded);
      return;
    }
    const collapsed = decoded.replace(/[ \t\n\r\f]+/g, ' ');
    if (collapsed === '') return;
    if (collapsed === ' ') {
      this.pendingSpace = true;
      return;
    }
    const leading = collapsed.charCodeAt(0) === 0x20;
    const trailing = collapsed.charCodeAt(collapsed.length - 1) === 0x20;
    if (leading) this.pendingSpace = true;
    this.write(collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined));
    this.pendingSpace = trailing;
  }

  tag(name: string, closing: boolean): void {
    if (name === 'br') {
      // `</br>` is a line break in browsers too.
      this.flushBreaks();
      this.push('\n');
      this.pendingSpace = false;
    } else if (name === 'p') this.wantBreaks(2);
    else if (BLOCK.has(name)) {
      this.wantBreaks(1);
      if (name === 'pre') this.preDepth = closing ? Math.max(0, this.preDepth - 1) : this.preDepth + 1;
    } else if (CELL.has(name) && !closing) this.pendingSpace = true;
  }

  result(): string {
    const text = this.parts.join('');
    let start = 0;
    let end = text.length;
    while (start < end && (text[start] === '\n' || text[start] === ' ')) start++;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === ' ')) end--;
    return text.slice(start, end);
  }

  private wantBreaks(count: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
    this.pendingSpace = false;
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > this.trailingNewlines && this.hasOutput) {
      this.push('\n'.repeat(this.pendingBreaks - this.trailingNewlines));
    }
    this.pendingBreaks = 0;
  }

  private write(s: string): void {
    if (this.pendingBreaks > 0) {
      this.flushBreaks();
      this.pendingSpace = false;
    }
    if (this.pendingSpace && this.hasOutput && this.trailingNewlines === 0) this.push(' ');
    this.pendingSpace = false;
    this.push(s);
  }

  private push(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.hasOutput = true;
    let k = 0;
    while (k < s.length && s.charCodeAt(s.length - 1 - k) === 0x0a) k++;
    this.trailingNewlines = k === s.length ? this.trailingNewlines + k : k;
  }
}
