/**
 * A parsed XML element reduced to what the REFI readers use, with names matched by local name so
 * any namespace prefix (or none) reads the same. Attributes are looked up by name (a Map, or the
 * start tag itself read when asked: plain-xml-tree.ts), so no name a file uses can reach an object
 * prototype.
 */

/** An element's attributes as readers ask for them: by name as written, and all in document order. */
export interface XmlAttributes extends Iterable<[string, string]> {
  get(name: string): string | undefined;
}

export interface XmlElement {
  /** The name without its namespace prefix: `Code` for `<q:Code>`. */
  name: string;
  /** The namespace prefix, or null for an unprefixed name. */
  prefix: string | null;
  /** Attributes by their name as written (`guid`, `xmlns:q`). */
  attributes: XmlAttributes;
  /** Child elements; those with the same name keep their document order. */
  children: readonly XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
  /** 1-based line of the start tag, when the parser reported it. */
  line: number | null;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function splitQualifiedName(qualifiedName: string): { prefix: string | null; name: string } {
  const colon = qualifiedName.indexOf(':');
  return colon === -1 ? { prefix: null, name: qualifiedName } : { prefix: qualifiedName.slice(0, colon), name: qualifiedName.slice(colon + 1) };
}

/** The namespace URI the element's prefix is bound to on the element itself, or null. */
export function declaredNamespace(element: XmlElement): string | null {
  return element.attributes.get(element.prefix === null ? 'xmlns' : `xmlns:${element.prefix}`) ?? null;
}
