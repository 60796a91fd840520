/**
 * Thread and author attributes (the attributes feature) → REFI-QDA Variables (REFI-QDA 1.5 §13):
 * each attribute a `Variable`; a thread's values are `VariableValue`s on its text source; an author
 * is a `Case` named after them holding their values and a `SourceRef` to each thread they wrote in.
 * Types: text → Text, number → Float (xsd:decimal, so never in exponent form), date → Date.
 * A value the type cannot carry is left out.
 */
import type { Bundle } from '../bundle/bundle';
import { escapeXmlAttribute, escapeXmlText } from '../codebook/refi/xml-text';
import type { Attribute, AttributeValue } from '../model/records';
import { partGuidOf, refiGuid } from './refi-guid';

export interface AttributeXml {
  /** `<Variables>…</Variables>` lines (none when there are no attributes). */
  variables: string[];
  /** `<Cases>…</Cases>` lines: one case per author with a value. */
  cases: string[];
  /** Thread id → its `<VariableValue>` lines, for the end of its TextSource. */
  threadValues: Map<string, string[]>;
}

const TYPE: Record<Attribute['type'], { variable: string; element: string }> = {
  text: { variable: 'Text', element: 'TextValue' },
  number: { variable: 'Float', element: 'FloatValue' },
  date: { variable: 'Date', element: 'DateValue' },
};

export function attributeXml(bundle: Bundle, threadGuid: (threadId: string) => string, indent: string): AttributeXml {
  const attributes = bundle.attributes ?? [];
  const out: AttributeXml = { variables: [], cases: [], threadValues: new Map() };
  if (attributes.length === 0) return out;
  const byId = new Map(attributes.map((a) => [a.id, a]));
  out.variables.push(`${indent}<Variables>`);
  for (const a of attributes) out.variables.push(`${indent}  <Variable guid="${refiGuid('attribute', a.id)}" name="${escapeXmlAttribute(`${a.scope === 'author' ? 'Author' : 'Thread'}: ${a.name}`)}" typeOfVariable="${TYPE[a.type].variable}"/>`);
  out.variables.push(`${indent}</Variables>`);

  const valueLines = (value: AttributeValue, pad: string): string[] => {
    const attribute = byId.get(value.attributeId);
    const text = attribute ? valueText(attribute, value.value) : null;
    if (!attribute || text === null) return [];
    const element = TYPE[attribute.type].element;
    return [`${pad}<VariableValue>`, `${pad}  <VariableRef targetGUID="${refiGuid('attribute', attribute.id)}"/>`, `${pad}  <${element}>${escapeXmlText(text)}</${element}>`, `${pad}</VariableValue>`];
  };
  const byAuthor = new Map<string, AttributeValue[]>();
  for (const value of bundle.attributeValues ?? []) {
    const scope = byId.get(value.attributeId)?.scope;
    if (scope === 'thread') out.threadValues.set(value.subject, [...(out.threadValues.get(value.subject) ?? []), ...valueLines(value, `${indent}    `)]);
    else if (scope === 'author') byAuthor.set(value.subject, [...(byAuthor.get(value.subject) ?? []), value]);
  }
  if (byAuthor.size === 0) return out;
  const threadsOf = new Map<string, Set<string>>();
  for (const post of bundle.posts) {
    if (!byAuthor.has(post.author)) continue;
    const set = threadsOf.get(post.author) ?? new Set<string>();
    set.add(post.threadId);
    threadsOf.set(post.author, set);
  }
  out.cases.push(`${indent}<Cases>`);
  for (const [author, values] of [...byAuthor].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.cases.push(`${indent}  <Case guid="${partGuidOf('case', author)}" name="${escapeXmlAttribute(author)}">`);
    for (const value of values) out.cases.push(...valueLines(value, `${indent}    `));
    for (const threadId of threadsOf.get(author) ?? []) out.cases.push(`${indent}    <SourceRef targetGUID="${threadGuid(threadId)}"/>`);
    out.cases.push(`${indent}  </Case>`);
  }
  out.cases.push(`${indent}</Cases>`);
  return out;
}

function valueText(attribute: Attribute, value: string | number): string | null {
  if (attribute.type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    const text = String(n);
    return Number.isFinite(n) && !/e/i.test(text) ? text : null;
  }
  if (attribute.type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? String(value) : null;
  return String(value);
}
