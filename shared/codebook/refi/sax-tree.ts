/**
 * The fast way to the XmlElement tree parse-xml.ts returns: saxes (a strict, conforming XML 1.0
 * parser, so no separate well-formedness pass) streams events straight into the tree, where
 * fast-xml-parser builds its own tree, validates the text again and is then converted; on a
 * 100,000-post project that was most of a .qdpx import. It gives up (null) on anything it does not
 * handle exactly as the fast-xml-parser path does, which then reads the text, so problems and their
 * messages stay as they were: malformed XML, an entity XML does not define (`&nbsp;`, which that
 * path decodes), names that are object-prototype properties (refused there), nesting at the cap,
 * and any CR in the text (XML turns CR LF into LF, that path keeps it).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

import { splitQualifiedName, type XmlElement } from './xml-element';

/** Names fast-xml-parser refuses or renames (its criticalProperties and DANGEROUS_PROPERTY_NAMES). */
export const SPECIAL_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** Thrown from an event handler to stop the parse; never leaves this module. */
class GiveUp extends Error {}

interface Building {
  element: XmlElement & { children: XmlElement[]; text: string };
  /** A second child name was seen: children are regrouped by name when the element closes. */
  mixed: boolean;
  firstName: string | undefined;
}

/**
 * The document's root element, or null when the fast-xml-parser path must read it.
 * `lineOf`: UTF-16 offset of a start tag's `<` → its 1-based line.
 */
export function saxTree(text: string, maxDepth: number, lineOf: (offset: number) => number): XmlElement | null {
  if (text.includes('\r')) return null;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Building[] = [];
  let root: XmlElement | null = null;
  parser.on('error', () => {
    throw new GiveUp();
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length + 1 >= maxDepth || SPECIAL_NAMES.has(tag.name)) throw new GiveUp();
    const { prefix, name } = splitQualifiedName(tag.name);
    if (SPECIAL_NAMES.has(name)) throw new GiveUp();
    const attributes = new Map<string, string>();
    // saxes keeps attributes in an object without a prototype, so any name is only a key.
    for (const key in tag.attributes) {
      if (SPECIAL_NAMES.has(key)) throw new GiveUp();
      attributes.set(key, tag.attributes[key] as string);
    }
    // `position` is just past the start tag's `>`; an attribute value cannot hold a `<`.
    const element = { name, prefix, attributes, children: [] as XmlElement[], text: '', line: lineOf(text.lastIndexOf('<', parser.position - 1)) };
    const parent = stack[stack.length - 1];
    if (parent) {
      if (parent.firstName === undefined) parent.firstName = tag.name;
      else if (parent.firstName !== tag.name) parent.mixed = true;
      parent.element.children.push(element);
    } else root = element;
    stack.push({ element, mixed: false, firstName: undefined });
  });
  const addText = (value: string): void => {
    const open = stack[stack.length - 1];
    if (open) open.element.text += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const closed = stack.pop()!;
    if (closed.mixed) closed.element.children = regroup(closed.element.children);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof GiveUp) return null;
    throw error;
  }
  return root;
}

/** Children grouped by qualified name, in order of first appearance (stable within a name). */
export function regroup(children: readonly XmlElement[]): XmlElement[] {
  const groups = new Map<string, XmlElement[]>();
  for (const child of children) {
    const key = child.prefix === null ? child.name : `${child.prefix}:${child.name}`;
    const group = groups.get(key);
    if (group) group.push(child);
    else groups.set(key, [child]);
  }
  return [...groups.values()].flat();
}
