/**
 * User-defined attributes of authors and threads (cases and variables): define one, delete one
 * with its values, set or clear one case's value. Platform attributes are derived from the corpus
 * (shared/analysis/attributes/platform-attributes.ts) and never stored or edited.
 */
import { attributeValueId, parseAttributeValue } from '../../analysis/attributes/attribute-value';
import { RESERVED_NAMES } from '../../analysis/attributes/platform-attributes';
import { describesAnAuthor } from '../post-facts';
import type { Attribute, AttributeScope, AttributeType, AttributeValue, Thread } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { defineOperation, unchanged } from '../operation';
import type { ProjectReader } from '../project-store';
import { staleEditProblem } from '../stale-edit';
import { excerpt } from './excerpt';

export const MAX_ATTRIBUTE_NAME = 100;
export const ATTRIBUTE_TYPE_NAMES: Record<AttributeType, string> = { text: 'text', number: 'number', date: 'date (YYYY-MM-DD)' };

export { attributeValueId } from '../../analysis/attributes/attribute-value';

const attributeRecord = (a: Pick<Attribute, 'scope' | 'name'>): string => `${a.scope} attribute “${a.name}”`;

/** Why `name` cannot name a new attribute of `scope`, or undefined when it can. */
export function attributeNameProblem(scope: AttributeScope, name: string, existing: readonly Attribute[]): string | undefined {
  if (name === '') return 'an attribute needs a name';
  if ([...name].length > MAX_ATTRIBUTE_NAME) return `an attribute name has at most ${MAX_ATTRIBUTE_NAME} characters`;
  const key = name.toLowerCase();
  if (RESERVED_NAMES[scope].has(key)) return `“${name}” is a platform attribute of every ${scope}: choose another name`;
  if (existing.some((a) => a.scope === scope && a.name.toLowerCase() === key)) return `${scope}s already have an attribute “${name}”`;
  return undefined;
}

export const normalizeAttributeName = (name: string): string => name.replace(/\s+/g, ' ').trim();

export const defineAttribute = defineOperation<{ scope: AttributeScope; name: string; type: AttributeType }, { attributes: Attribute[] }, Attribute>({
  kind: 'attribute.define',
  async read(reader) {
    return { attributes: await reader.attributes() };
  },
  plan({ attributes }, input, { at, ids }) {
    const name = normalizeAttributeName(input.name);
    const problem = attributeNameProblem(input.scope, name, attributes);
    if (problem) return err({ record: `${input.scope} attribute`, field: 'name', message: problem });
    const after: Attribute = { id: ids.newId(), scope: input.scope, name, type: input.type, createdAt: at };
    return ok({ summary: `Added the ${input.scope} attribute “${name}” (${ATTRIBUTE_TYPE_NAMES[input.type]})`, changes: { attributes: [{ before: null, after }] }, result: after });
  },
});

export const deleteAttribute = defineOperation<{ attributeId: string }, { attribute: Attribute | undefined; values: AttributeValue[] }, null>({
  kind: 'attribute.delete',
  async read(reader, { attributeId }) {
    const [attributes, values] = await Promise.all([reader.attributes(), reader.attributeValues()]);
    return { attribute: attributes.find((a) => a.id === attributeId), values: values.filter((v) => v.attributeId === attributeId) };
  },
  plan({ attribute, values }, { attributeId }) {
    if (!attribute) return err({ record: `attribute ${attributeId}`, field: 'id', message: 'the attribute does not exist' });
    return ok({
      summary: `Deleted the ${attribute.scope} attribute “${attribute.name}” with its ${values.length} value${values.length === 1 ? '' : 's'}`,
      changes: { attributeValues: values.map((before) => ({ before, after: null })), attributes: [{ before: attribute, after: null }] },
      result: null,
    });
  },
});

/** The cases of a scope: every author name with a post, or every thread (id → title). */
export async function casesOf(reader: ProjectReader, scope: AttributeScope): Promise<Map<string, string>> {
  if (scope === 'thread') return new Map((await reader.threads()).map((t: Thread) => [t.id, t.title]));
  const authors = new Map<string, string>();
  for (const post of await reader.postFacts()) if (describesAnAuthor(post)) authors.set(post.author, post.author);
  return authors;
}

export interface SetValueInput {
  attributeId: string;
  subject: string;
  /** As typed; empty clears the value. */
  text: string;
  /** The value the form loaded (null: none); a value changed since is not overwritten (stale-edit.ts). */
  base?: string | number | null;
}

interface SetValueSnapshot {
  attribute: Attribute | undefined;
  caseLabel: string | undefined;
  existing: AttributeValue | undefined;
}

/** A typed cell → the value row to write, or a Problem naming the attribute and what it expects. */
export function plannedValue(attribute: Attribute, subject: string, text: string, existing: AttributeValue | undefined, at: string): Result<AttributeValue | null, Problem> {
  const parsed = parseAttributeValue(attribute.type, text);
  if (!parsed.ok) return err({ record: attributeRecord(attribute), field: 'value', message: parsed.error });
  if (parsed.value === null) return ok(null);
  if (existing?.value === parsed.value) return ok(existing);
  return ok({ id: attributeValueId(attribute.id, subject), attributeId: attribute.id, subject, value: parsed.value, updatedAt: at });
}

export const setAttributeValue = defineOperation<SetValueInput, SetValueSnapshot, AttributeValue | null>({
  kind: 'attribute.value',
  async read(reader, input) {
    const [attributes, values] = await Promise.all([reader.attributes(), reader.attributeValues()]);
    const attribute = attributes.find((a) => a.id === input.attributeId);
    const caseLabel = attribute ? (await casesOf(reader, attribute.scope)).get(input.subject) : undefined;
    return { attribute, caseLabel, existing: values.find((v) => v.attributeId === input.attributeId && v.subject === input.subject) };
  },
  plan({ attribute, caseLabel, existing }, input, { at }) {
    if (!attribute) return err({ record: `attribute ${input.attributeId}`, field: 'id', message: 'the attribute does not exist' });
    if (caseLabel === undefined) return err({ record: attributeRecord(attribute), field: 'subject', message: `there is no ${attribute.scope} ${JSON.stringify(input.subject)} in the project` });
    const planned = plannedValue(attribute, input.subject, input.text, existing, at);
    if (!planned.ok) return planned;
    const after = planned.value;
    const stale = staleEditProblem({ stored: existing?.value ?? null, base: input.base, next: after?.value ?? null, record: attributeRecord(attribute), field: 'value', what: `“${attribute.name}” of this ${attribute.scope}`, kept: 'your value is kept in the form', merge: 'look at the new value and set it again' });
    if (stale) return err(stale);
    const who = attribute.scope === 'author' ? caseLabel : `“${excerpt(caseLabel)}”`;
    if (after === null) {
      if (!existing) return unchanged(`${who} has no “${attribute.name}”`, null);
      return ok({ summary: `Cleared “${attribute.name}” of ${who}`, changes: { attributeValues: [{ before: existing, after: null }] }, result: null });
    }
    if (after === existing) return unchanged(`“${attribute.name}” of ${who} is already ${String(after.value)}`, after);
    return ok({ summary: `Set “${attribute.name}” of ${who} to ${JSON.stringify(after.value)}`, changes: { attributeValues: [{ before: existing ?? null, after }] }, result: after });
  },
});
