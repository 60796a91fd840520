/**
 * Untrusted XML text → XmlElement tree, with fast-xml-parser 5 in a hardened configuration
 * (docs/reliability.md, "Hostile XML"): values stay strings exactly as written (its defaults turn
 * "007" into 7 and "true" into true), entities are decoded once, every element is an array so one child and many
 * look the same, and nesting is capped. The parser refuses elements named `__proto__` and the like;
 * attributes are kept under a prefix and then in a Map, so no name becomes an object key. The
 * parser tolerates some malformed XML (a mismatched end tag), so its validator then checks
 * well-formedness and gives the line and column of the first error. The caller has already
 * refused DTDs (xml-guard.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { splitQualifiedName, type XmlElement } from './xml-element';

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
  let parsed: unknown;
  try {
    parsed = new XMLParser(parserOptions(options.maxDepth)).parse(text);
  } catch (error) {
    return err(parserFailure(error, text, file, options.maxDepth, lineOffset));
  }
  const validity = XMLValidator.validate(text);
  if (validity !== true) return err(validatorProblem(validity.err, text, file, lineOffset));

  const lineOf = lineLookup(text, lineOffset);
  const roots = Object.entries(parsed as Record<string, unknown>).filter(([key]) => key !== TEXT_KEY && !key.startsWith(ATTRIBUTE_PREFIX));
  const [root] = roots;
  if (!root || !Array.isArray(root[1]) || root[1].length !== 1) return err({ file, message: 'the file holds no XML element (is it empty?)' });
  return ok(toElement(root[0], root[1][0], lineOf));
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
    alwaysCreateTextNode: true,
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
    maxNestedTags: maxDepth,
    captureMetaData: true,
  };
}

// Typed as the Symbol wrapper; at run time it is a symbol primitive.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

function toElement(qualifiedName: string, node: unknown, lineOf: (offset: number) => number): XmlElement {
  const { prefix, name } = splitQualifiedName(qualifiedName);
  const attributes = new Map<string, string>();
  const children: XmlElement[] = [];
  let text = '';
  if (typeof node === 'string') return { name, prefix, attributes, children, text: node, line: null };
  const record = (node ?? {}) as Record<string | symbol, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === TEXT_KEY) text = String(value);
    else if (key.startsWith(ATTRIBUTE_PREFIX)) attributes.set(key.slice(ATTRIBUTE_PREFIX.length), String(value));
    else if (Array.isArray(value)) for (const child of value) children.push(toElement(key, child, lineOf));
  }
  const meta = record[META] as { startIndex?: number } | undefined;
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

/** offset → 1-based line, by binary search over the newline offsets. */
function lineLookup(text: string, lineOffset: number): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
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
