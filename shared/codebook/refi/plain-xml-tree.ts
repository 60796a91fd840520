/**
 * The fastest way to the XmlElement tree for the XML Threadmark itself writes (and most tools write):
 * one forward scan of plain, well-formed XML, about three times faster than saxes on a large
 * project.qde. It reads only a strict subset: an optional `<?xml version="1.0"?>` declaration
 * (UTF-8 or no encoding named), elements with ASCII names, attributes in double or single quotes, text,
 * the five predefined entities and numeric character references. On anything else (a comment, CDATA,
 * a processing instruction, a DTD, a non-ASCII name, a literal tab or line break in an attribute value
 * (XML normalises those), `]]>` in text, an undefined entity, a malformed tag, a mismatched or missing
 * end tag, text outside the root) it gives up (null), and sax-tree.ts reads the document, which also
 * gives up on what it does not take, so every document gets the tree, or the Problem, it got before.
 * Everything it accepts is well-formed XML read exactly as saxes reads it (plain-xml-tree.test.ts
 * compares the two on each edge case and on the real samples). Attributes are checked in the scan
 * and read from their tag only when a reader asks for one (TagAttributes).
 */
import { regroup, SPECIAL_NAMES } from './sax-tree';
import type { XmlAttributes, XmlElement } from './xml-element';

type Building = XmlElement & { children: XmlElement[]; text: string };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const AMPERSAND = 0x26;

/** An XML declaration as writers write it: version 1.0, UTF-8 or no encoding, standalone or not. */
const DECLARATION = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[uU][tT][fF]-8\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
const PREDEFINED: ReadonlyMap<string, string> = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['apos', "'"], ['quot', '"']]);
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-z]{2,4}));/y;

/** Thrown inside the scan to give up; never leaves this module. */
class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain();
};

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09;
const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;

/**
 * The document's root element, or null when sax-tree.ts must read it.
 * `lineOf`: UTF-16 offset of a start tag's `<` → its 1-based line.
 */
export function plainXmlTree(text: string, maxDepth: number, lineOf: (offset: number) => number): XmlElement | null {
  // XML turns CR LF into LF (sax-tree.ts leaves those to fast-xml-parser); `]]>` may not appear in text.
  if (text.includes('\r') || text.includes(']]>')) return null;
  try {
    return scan(text, maxDepth, lineOf);
  } catch (error) {
    if (error instanceof NotPlain) return null;
    throw error;
  }
}

function scan(text: string, maxDepth: number, lineOf: (offset: number) => number): XmlElement {
  const end = text.length;
  let at = 0;
  const declaration = DECLARATION.exec(text);
  if (declaration) at = declaration[0].length;
  else if (text.startsWith('<?')) notPlain();
  at = skipSpace(text, at);
  if (at >= end || text.charCodeAt(at) !== LT) notPlain();

  const stack: Building[] = [];
  const openNames: string[] = [];
  const names = new NameCache();
  const seenKeys: string[] = [];
  let root: Building | null = null;
  while (at < end) {
    // Here `at` is at a `<`.
    const next = text.charCodeAt(at + 1);
    if (next === SLASH) {
      const open = stack.pop() ?? notPlain();
      const qualified = openNames.pop()!;
      if (!text.startsWith(qualified, at + 2)) notPlain();
      let close = skipSpace(text, at + 2 + qualified.length);
      if (text.charCodeAt(close) !== GT) notPlain();
      close++;
      if (open.children.length > 1) regroupIfMixed(open);
      at = close;
    } else {
      if (!isNameStart(next) || stack.length + 1 >= maxDepth) notPlain();
      if (root !== null && stack.length === 0) notPlain();
      const afterName = nameEnd(text, at + 1);
      const { qualified, prefix, name } = names.get(text, at + 1, afterName);
      const tagEnd = checkAttributes(text, afterName, names, seenKeys);
      const attributes = seenKeys.length === 0 ? NO_ATTRIBUTES : new TagAttributes(text, afterName);
      const element: Building = { name, prefix, attributes, children: NO_CHILDREN, text: '', line: lineOf(at) };
      at = tagEnd;
      const parent = stack[stack.length - 1];
      if (!parent) root = element;
      else if (parent.children === NO_CHILDREN) parent.children = [element];
      else parent.children.push(element);
      if (text.charCodeAt(at) === SLASH) {
        if (text.charCodeAt(at + 1) !== GT) notPlain();
        at += 2;
      } else {
        at++;
        stack.push(element);
        openNames.push(qualified);
      }
    }
    // Text up to the next `<`: the open element's, or only white space outside the root.
    const lt = text.indexOf('<', at);
    const stop = lt === -1 ? end : lt;
    if (stop > at) {
      const open = stack[stack.length - 1];
      if (open) {
        const piece = decodeText(text, at, stop, names);
        open.text = open.text === '' ? piece : names.joined(open.text, piece);
      }
      else if (skipSpace(text, at) < stop) notPlain();
    }
    at = stop;
  }
  if (root === null || stack.length > 0) notPlain();
  return root!;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Where the name at `from` ends: ASCII names with at most one colon, between name characters. */
function nameEnd(text: string, from: number): number {
  let at = from;
  let colon = false;
  for (;;) {
    const c = text.charCodeAt(at);
    if (isNameChar(c)) at++;
    else if (c === 0x3a && !colon && at > from && isNameStart(text.charCodeAt(at + 1))) {
      colon = true;
      at++;
    } else return at;
  }
}

/** A name sax-tree.ts refuses (an object-prototype property) makes it read the document. */
function checkedName(name: string): string {
  return SPECIAL_NAMES.has(name) ? notPlain() : name;
}

interface Name {
  qualified: string;
  prefix: string | null;
  name: string;
}

/**
 * The few names a document repeats (and the indentation between its elements), each made once:
 * a large project.qde has a million tags, and a string per tag was much of the scan's garbage.
 * Keyed by length and first character, confirmed by comparing the text.
 */
class NameCache {
  private readonly names = new Map<number, Name>();
  private readonly spaces = new Map<number, string>();
  /** Short white space made once: `space`'s and `joined`'s. */
  private readonly shared = new Set<string>();
  private readonly joins = new Map<string, Map<string, string>>();

  get(text: string, from: number, to: number): Name {
    const key = (to - from) * 128 + text.charCodeAt(from);
    const cached = this.names.get(key);
    if (cached !== undefined && text.startsWith(cached.qualified, from)) return cached;
    const qualified = checkedName(text.slice(from, to));
    const colon = qualified.indexOf(':');
    const name: Name = colon === -1 ? { qualified, prefix: null, name: qualified } : { qualified, prefix: qualified.slice(0, colon), name: checkedName(qualified.slice(colon + 1)) };
    this.names.set(key, name);
    return name;
  }

  /** White space only, as text between elements is. */
  space(text: string, from: number, to: number): string {
    const cached = this.spaces.get(to - from);
    if (cached !== undefined && text.startsWith(cached, from)) return cached;
    const space = text.slice(from, to);
    this.spaces.set(to - from, space);
    if (space.length <= MAX_JOINED) this.shared.add(space);
    return space;
  }

  /**
   * An element's text so far and its next piece. The white space around an element's children is
   * the same few pieces again and again (a selection's, a coding's): joined once and shared.
   */
  joined(before: string, piece: string): string {
    if (before.length + piece.length > MAX_JOINED || !this.shared.has(before) || !this.shared.has(piece)) return before + piece;
    let after = this.joins.get(before);
    if (after === undefined) this.joins.set(before, (after = new Map()));
    let joined = after.get(piece);
    if (joined === undefined) {
      joined = before + piece;
      after.set(piece, joined);
      this.shared.add(joined);
    }
    return joined;
  }
}

/** The longest white space `joined` shares (longer text is joined as usual). */
const MAX_JOINED = 64;

/** Shared by every element without children until its first arrives (most elements have none). */
const NO_CHILDREN = Object.freeze([]) as unknown as XmlElement[];

/**
 * Checks ` name="value"`… up to the tag's `>` or `/>` (as saxes would take them: white space before
 * each, no name twice, values XML reads as written) and returns the offset of that `>` or `/`.
 * Nothing is kept: TagAttributes reads a value when it is asked for.
 */
function checkAttributes(text: string, from: number, names: NameCache, seen: string[]): number {
  let at = from;
  seen.length = 0;
  for (;;) {
    const spaced = skipSpace(text, at);
    const c = text.charCodeAt(spaced);
    if (c === GT || c === SLASH) return spaced;
    // An attribute needs white space before it.
    if (spaced === at || !isNameStart(c)) notPlain();
    const afterName = nameEnd(text, spaced);
    const key = names.get(text, spaced, afterName).qualified;
    let eq = skipSpace(text, afterName);
    if (text.charCodeAt(eq) !== EQUALS) notPlain();
    eq = skipSpace(text, eq + 1);
    const quote = text.charCodeAt(eq);
    if (quote !== QUOTE && quote !== APOSTROPHE) notPlain();
    const close = text.indexOf(quote === QUOTE ? '"' : "'", eq + 1);
    if (close === -1 || seen.includes(key)) notPlain();
    seen.push(key);
    checkAttributeValue(text, eq + 1, close);
    at = close + 1;
  }
}

/** An attribute value XML reads as written: no `<`, no literal tab or LF (XML would make them spaces), only references it defines. */
function checkAttributeValue(text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LT || c === 0x09 || c === 0x0a) notPlain();
    if (c === AMPERSAND) {
      REFERENCE.lastIndex = i;
      const match = REFERENCE.exec(text);
      if (!match || REFERENCE.lastIndex > to) notPlain();
      referenced(match!);
      i = REFERENCE.lastIndex - 1;
    }
  }
}

/**
 * A start tag's attributes, read from the document when asked for: a large project.qde has 650,000
 * elements whose values are each read once or never. A Map and a string per value kept for each
 * made a third of the import's young-generation collections (120 → 80 scavenges at 100,000 posts).
 * Only tags checkAttributes took are read here.
 */
class TagAttributes implements XmlAttributes {
  constructor(
    private readonly text: string,
    /** Just past the element's name. */
    private readonly from: number,
  ) {}

  get(name: string): string | undefined {
    const text = this.text;
    for (let at = skipSpace(text, this.from); !isTagEnd(text.charCodeAt(at)); ) {
      const afterName = nameEnd(text, at);
      const quote = valueQuote(text, afterName);
      const close = text.indexOf(text.charAt(quote), quote + 1);
      if (afterName - at === name.length && text.startsWith(name, at)) return attributeValue(text, quote + 1, close);
      at = skipSpace(text, close + 1);
    }
    return undefined;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    const text = this.text;
    for (let at = skipSpace(text, this.from); !isTagEnd(text.charCodeAt(at)); ) {
      const afterName = nameEnd(text, at);
      const quote = valueQuote(text, afterName);
      const close = text.indexOf(text.charAt(quote), quote + 1);
      yield [text.slice(at, afterName), attributeValue(text, quote + 1, close)];
      at = skipSpace(text, close + 1);
    }
  }
}

const isTagEnd = (c: number): boolean => c === GT || c === SLASH;

/** Where the quote opening a value is, its attribute's name ending at `afterName` (then maybe spaces, `=`, spaces). */
const valueQuote = (text: string, afterName: number): number => skipSpace(text, skipSpace(text, afterName) + 1);

/** Shared by every element whose tag has no attributes. */
const NO_ATTRIBUTES: XmlAttributes = new Map<string, string>();

/** An attribute value checkAttributes took: references decoded. */
function attributeValue(text: string, from: number, to: number): string {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === AMPERSAND) return decodeReferences(text, from, to);
  return text.slice(from, to);
}

/** Element text: references decoded (a `<` cannot be in it: the scan stopped there). */
function decodeText(text: string, from: number, to: number, names: NameCache): string {
  let space = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === AMPERSAND) return decodeReferences(text, from, to);
    if (space && !isSpace(c)) space = false;
  }
  return space ? names.space(text, from, to) : text.slice(from, to);
}

/** References decoded, each searched for only within [from, to): an indexOf would run on to the next `&` in the file. */
function decodeReferences(text: string, from: number, to: number): string {
  let out = '';
  let at = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== AMPERSAND) continue;
    REFERENCE.lastIndex = i;
    const match = REFERENCE.exec(text);
    if (!match || REFERENCE.lastIndex > to) notPlain();
    out += text.slice(at, i) + referenced(match!);
    at = REFERENCE.lastIndex;
    i = at - 1;
  }
  return out + text.slice(at, to);
}

function referenced(match: RegExpExecArray): string {
  if (match[3] !== undefined) return PREDEFINED.get(match[3]) ?? notPlain();
  const point = match[1] !== undefined ? parseInt(match[1], 16) : parseInt(match[2]!, 10);
  if (!isXmlChar(point)) notPlain();
  return String.fromCodePoint(point);
}

/** XML 1.0's Char production. */
function isXmlChar(point: number): boolean {
  return point === 0x9 || point === 0xa || point === 0xd || (point >= 0x20 && point <= 0xd7ff) || (point >= 0xe000 && point <= 0xfffd) || (point >= 0x10000 && point <= 0x10ffff);
}

/** Children of more than one name are grouped by name, as sax-tree.ts does when an element closes. */
function regroupIfMixed(element: Building): void {
  const children = element.children;
  const first = children[0]!;
  for (let i = 1; i < children.length; i++) {
    const child = children[i]!;
    if (child.name !== first.name || child.prefix !== first.prefix) {
      element.children = regroup(children);
      return;
    }
  }
}
