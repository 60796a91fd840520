/**
 * Finds the `<CodeBook>` element of a project.qde without parsing the rest. A .qde also holds every
 * source and every selection (tens of MB in big projects); building that tree only to read the
 * codebook would cost seconds and hundreds of MB. This scans tags only (skipping comments, CDATA and
 * processing instructions, in which `<` may appear unescaped); the slice it returns is then parsed
 * and validated like a .qdc.
 */

export interface QdeCodeBook {
  /** The root element's start tag, made self-closing so it parses on its own (for xmlns, origin). */
  rootTag: string;
  /** The root's qualified name, e.g. `Project`. */
  rootName: string;
  /** `<CodeBook>…</CodeBook>` as written, and its position; null when the project has no codebook. */
  codeBook: { text: string; start: number } | null;
}

interface Tag {
  qualifiedName: string;
  closing: boolean;
  selfClosing: boolean;
  /** Offset just after `>`. */
  end: number;
}

/** The root tag and the CodeBook child of the root, or a message saying where the markup breaks. */
export function sliceQdeCodeBook(text: string): { ok: true; value: QdeCodeBook } | { ok: false; offset: number; message: string } {
  let root: { tag: Tag; start: number } | null = null;
  let depth = 0;
  let codeBookStart = -1;
  let codeBookDepth = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at)) {
    const skipped = skipNonElement(text, at);
    if (skipped === null) return { ok: false, offset: at, message: 'a comment, CDATA section or processing instruction is never closed' };
    if (skipped > at) {
      at = skipped;
      continue;
    }
    const tag = readTag(text, at);
    if (tag === null) return { ok: false, offset: at, message: 'a tag is never closed' };
    if (root === null) {
      if (tag.closing) return { ok: false, offset: at, message: 'the document starts with an end tag' };
      root = { tag, start: at };
    }
    const local = tag.qualifiedName.slice(tag.qualifiedName.indexOf(':') + 1);
    if (codeBookStart === -1 && !tag.closing && depth === 1 && local === 'CodeBook') {
      if (tag.selfClosing) return done(text, root, { text: text.slice(at, tag.end), start: at });
      codeBookStart = at;
      codeBookDepth = depth;
    }
    if (tag.closing) depth--;
    else if (!tag.selfClosing) depth++;
    if (codeBookStart !== -1 && tag.closing && depth === codeBookDepth) {
      return done(text, root, { text: text.slice(codeBookStart, tag.end), start: codeBookStart });
    }
    if (depth <= 0) break;
    at = tag.end;
  }
  if (root === null) return { ok: false, offset: 0, message: 'the file holds no XML element' };
  if (codeBookStart !== -1) return { ok: false, offset: codeBookStart, message: 'the CodeBook element is never closed (is the file truncated?)' };
  return done(text, root, null);
}

function done(text: string, root: { tag: Tag; start: number }, codeBook: QdeCodeBook['codeBook']): { ok: true; value: QdeCodeBook } {
  const startTag = text.slice(root.start, root.tag.end);
  const rootTag = root.tag.selfClosing ? startTag : `${startTag.slice(0, -1)}/>`;
  return { ok: true, value: { rootTag, rootName: root.tag.qualifiedName, codeBook } };
}

const NON_ELEMENTS: ReadonlyArray<[open: string, close: string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', '>'],
];

/** The offset after a comment, CDATA, PI or declaration starting at `at`; `at` for a tag; null if unterminated. */
function skipNonElement(text: string, at: number): number | null {
  for (const [open, close] of NON_ELEMENTS) {
    if (!text.startsWith(open, at)) continue;
    const end = text.indexOf(close, at + open.length);
    return end === -1 ? null : end + close.length;
  }
  return at;
}

const TAG_NAME = /<(\/?)([^\s/>]+)/y;

/** The tag at `at`, skipping quoted attribute values (which may hold `>`); null when it never closes. */
function readTag(text: string, at: number): Tag | null {
  TAG_NAME.lastIndex = at;
  const name = TAG_NAME.exec(text);
  if (!name) return null;
  for (let i = TAG_NAME.lastIndex; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return null;
      i = close;
    } else if (c === '>') {
      return { qualifiedName: name[2]!, closing: name[1] === '/', selfClosing: text[i - 1] === '/', end: i + 1 };
    }
  }
  return null;
}
