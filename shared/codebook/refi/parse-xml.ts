/**
 * Untrusted XML text → XmlElement tree, with fast-xml-parser 5 in a hardened configuration
 * (docs/reliability.md, "Hostile XML"): values stay strings exactly as written (its defaults turn
 * "007" into 7 and "true" into true), entities are decoded once, and nesting is capped. Its ordered
 * output is read directly (its own grouping pass is a fifth of the parse of a large project);
 * children are grouped by name, in order of first appearance, as that pass does. The parser refuses elements named `__proto__` and the like;
 * attributes are kept under a prefix and then in a Map, so no name becomes an object key. The
 * parser tolerates some malformed XML (a mismatched end tag), so its validator then checks
 * well-formedness and gives the line and column of the first error. The caller has already
 * refused DTDs (xml-guard.ts). A well-formed document without a CR or any of those names is read
 * by saxes instead (sax-tree.ts: the same tree, several times faster on a large project), and plain
 * XML such as Threadmark's own by a scan of its own before that (plain-xml-tree.ts, faster again).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { plainXmlTree } from './plain-xml-tree';
import { regroup, saxTree } from './sax-tree';
import { splitQualifiedName, type XmlElement } from './xml-element';
import { rejectForbiddenChars } from './xml-guard';

export interface ParseXmlOptions {
  maxDepth: number;
  /** Lines before `text` in the file it was cut from (a CodeBook inside a .qde), so lines stay true. */
  lineOffset?: number;
}

const ATTRIBUTE_PREFIX = '@_';
const TEXT_KEY = '#text';

/** The document's root element, or the first problem that makes it unreadable. */
export function parseXmlDocument(text: string, file: string, options: ParseXmlOptions): Result<XmlElement, Problem> {
  const lineOffset = options.lineOffset ?? 0;
  if (text.trim() === '') return err({ file, message: 'the file is empty' });
  const forbidden = rejectForbiddenChars(text, file, lineOffset);
  if (forbidden) return err(forbidden);
  const lineOf = lineLookup(text, lineOffset);
  // The fast paths (plain-xml-tree.ts, then sax-tree.ts); what neither takes is read below as before.
  const fast = plainXmlTree(text, options.maxDepth, lineOf) ?? saxTree(text, options.maxDepth, lineOf);
  if (fast) return ok(fast);
  return readWithFastXmlParser(text, file, options, lineOf);
}

/** The document read by fast-xml-parser and its validator: what sax-tree.ts gives up on, and its tests' reference. */
export function readWithFastXmlParser(text: string, file: string, options: ParseXmlOptions, lineOf = lineLookup(text, options.lineOffset ?? 0)): Result<XmlElement, Problem> {
  const lineOffset = options.lineOffset ?? 0;
  let parsed: unknown;
  try {
    parsed = new XMLParser(parserOptions(options.maxDepth)).parse(text);
  } catch (error) {
    return err(parserFailure(error, text, file, options.maxDepth, lineOffset));
  }
  const validity = XMLValidator.validate(text);
  if (validity !== true) return err(validatorProblem(validity.err, text, file, lineOffset));

  const roots = groupByName(parsed as OrderedNode[]);
  const [root] = roots;
  if (!root || root[1].length !== 1) return err({ file, message: 'the file holds no XML element (is it empty?)' });
  return ok(toElement(root[0], root[1][0]!, lineOf));
}

function parserOptions(maxDepth: number): ConstructorParameters<typeof XMLParser>[0] {
  return {
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    textNodeName: TEXT_KEY,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    preserveOrder: true,
    maxNestedTags: maxDepth,
    captureMetaData: true,
  };
}

// Typed as the Symbol wrapper; at run time it is a symbol primitive.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

// The parser's ordered output: each node `{ [name]: children, ':@': attributes }`, text `{ '#text': value }`.
const ATTRIBUTES_KEY = ':@';
type OrderedNode = Record<string, unknown>;

function nodeName(node: OrderedNode): string | undefined {
  // for…in, not Object.keys: no array per node. The nodes are plain literals, their first key the name.
  for (const key in node) if (key !== ATTRIBUTES_KEY) return key;
  return undefined;
}

/** Element nodes by name, names in order of first appearance, each name's nodes in document order. */
function groupByName(nodes: readonly OrderedNode[]): Array<[string, OrderedNode[]]> {
  const groups = new Map<string, OrderedNode[]>();
  for (const node of nodes) {
    const name = nodeName(node);
    if (name === undefined || name === TEXT_KEY || !Array.isArray(node[name])) continue;
    const group = groups.get(name);
    if (group) group.push(node);
    else groups.set(name, [node]);
  }
  return [...groups];
}

function toElement(qualifiedName: string, node: OrderedNode, lineOf: (offset: number) => number): XmlElement {
  const { prefix, name } = splitQualifiedName(qualifiedName);
  const attributes = new Map<string, string>();
  const raw = node[ATTRIBUTES_KEY] as Record<string, unknown> | undefined;
  if (raw) for (const key of Object.keys(raw)) if (key.startsWith(ATTRIBUTE_PREFIX)) attributes.set(key.slice(ATTRIBUTE_PREFIX.length), String(raw[key]));
  let text = '';
  let children: XmlElement[] = [];
  // One pass; children of one name (the usual case) need no regrouping.
  let firstName: string | undefined;
  let mixed = false;
  for (const child of node[qualifiedName] as OrderedNode[]) {
    const childName = nodeName(child);
    if (childName === undefined) continue;
    if (childName === TEXT_KEY) text += String(child[TEXT_KEY]);
    else if (Array.isArray(child[childName])) {
      if (firstName === undefined) firstName = childName;
      else if (childName !== firstName) mixed = true;
      children.push(toElement(childName, child, lineOf));
    }
  }
  if (mixed) children = regroup(children);
  const meta = (node as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
  const line = typeof meta?.startIndex === 'number' ? lineOf(meta.startIndex) : null;
  return { name, prefix, attributes, children, text, line };
}

function parserFailure(error: unknown, text: string, file: string, maxDepth: number, lineOffset: number): Problem {
  const message = error instanceof Error ? error.message : String(error);
  if (/Maximum nested tags exceeded/i.test(message)) {
    return { file, message: `elements are nested more than ${maxDepth} levels deep; no REFI-QDA codebook needs that many, so the file is refused` };
  }
  const reserved = /Invalid name: "([^"]*)"/.exec(message);
  if (reserved) {
    return { file, message: `the file uses "${reserved[1]}" as an element name, which is refused because it could tamper with the program reading it` };
  }
  // Other parser errors are malformed XML: the validator says where.
  const validity = XMLValidator.validate(text);
  if (validity !== true) return validatorProblem(validity.err, text, file, lineOffset);
  return { file, message: `not readable as XML: ${message}` };
}

interface ValidatorError {
  code: string;
  msg: string;
  line: number;
  col?: number;
}

function validatorProblem(error: ValidatorError, text: string, file: string, lineOffset: number): Problem {
  // "Invalid '["CodeBook","Codes"]' found." lists elements still open at the end of the text.
  const unclosed = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(error.msg);
  if (unclosed) {
    const names = parseNameList(unclosed[1]!);
    const line = lineLookup(text, lineOffset)(text.length);
    const what = names.length > 0 ? `<${names[names.length - 1]}> (inside ${names.join(' > ')})` : 'an element';
    return { file, line, message: `the XML ends at line ${line} before ${what} is closed: the file looks truncated` };
  }
  const line = error.line + lineOffset;
  const column = typeof error.col === 'number' ? `, column ${error.col}` : '';
  return { file, line, message: `not well-formed XML at line ${line}${column}: ${error.msg}` };
}

function parseNameList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * offset → 1-based line. The readers ask in document order, so each answer counts on from the one
 * before (every newline passed once); an earlier offset is found by binary search over the newlines.
 */
function lineLookup(text: string, lineOffset: number): (offset: number) => number {
  let newlines: number[] | null = null;
  let lastOffset = 0;
  let lastLine = 1;
  // The first newline at or after lastOffset (-1: none).
  let nextNewline = text.indexOf('\n');
  return (offset) => {
    if (offset >= lastOffset) {
      while (nextNewline !== -1 && nextNewline < offset) {
        lastLine++;
        nextNewline = text.indexOf('\n', nextNewline + 1);
      }
      lastOffset = offset;
      return lastLine + lineOffset;
    }
    newlines ??= newlineOffsets(text);
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newlines[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1 + lineOffset;
  };
}

function newlineOffsets(text: string): number[] {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return newlines;
}
