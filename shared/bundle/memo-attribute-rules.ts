/**
 * Cross-record rules of memos and attributes: a memo's coder and target exist (the project memo's
 * target is checked against the project by the core), one memo per target and coder; attribute
 * names are unique per scope; a value belongs to a known attribute, fits its type, is the only one
 * for its subject, and a thread attribute's subject is a thread of the bundle.
 */
import { attributeValueProblem } from '../analysis/attributes/attribute-value';
import type { CheckedRecords, KnownIds } from './bundle-rules';
import type { RecordArrayName } from './bundle-schema';

type Report = (array: RecordArrayName, index: number, id: string, field: string, message: string) => void;

const TARGET_ARRAY = { thread: 'threads', post: 'posts', code: 'codes' } as const;

export function checkMemosAndAttributes(checked: CheckedRecords, known: KnownIds, report: Report): void {
  const memoKeys = new Map<string, string>();
  for (const { index, value: m } of checked.memos) {
    const at = (field: string, message: string): void => report('memos', index, m.id, field, message);
    if (!known.coders.has(m.coderId)) at('coderId', `unknown coder ${JSON.stringify(m.coderId)}`);
    if (m.target.kind !== 'project' && !known[TARGET_ARRAY[m.target.kind]].has(m.target.id)) at('target.id', `unknown ${m.target.kind} ${JSON.stringify(m.target.id)}`);
    const key = `${m.target.kind}\u0000${m.target.id}\u0000${m.coderId}`;
    const first = memoKeys.get(key);
    if (first !== undefined) at('target', `a second memo of this coder on the same ${m.target.kind} (the first is memo ${JSON.stringify(first)})`);
    else memoKeys.set(key, m.id);
  }

  const names = new Map<string, string>();
  const attributes = new Map(checked.attributes.map(({ value }) => [value.id, value]));
  for (const { index, value: a } of checked.attributes) {
    const key = `${a.scope}\u0000${a.name.trim().toLowerCase()}`;
    const first = names.get(key);
    if (first !== undefined) report('attributes', index, a.id, 'name', `${a.scope} attribute “${a.name}” is defined twice (also attribute ${JSON.stringify(first)})`);
    else names.set(key, a.id);
  }
  const valueKeys = new Map<string, string>();
  for (const { index, value: v } of checked.attributeValues) {
    const at = (field: string, message: string): void => report('attributeValues', index, v.id, field, message);
    const attribute = attributes.get(v.attributeId);
    if (!attribute) {
      if (!known.attributes.has(v.attributeId)) at('attributeId', `unknown attribute ${JSON.stringify(v.attributeId)}`);
      continue;
    }
    if (attribute.scope === 'thread' && !known.threads.has(v.subject)) at('subject', `unknown thread ${JSON.stringify(v.subject)}`);
    const problem = attributeValueProblem(attribute.type, v.value);
    if (problem) at('value', problem);
    const key = `${v.attributeId}\u0000${v.subject}`;
    const first = valueKeys.get(key);
    if (first !== undefined) at('subject', `a second value of “${attribute.name}” for ${JSON.stringify(v.subject)} (the first is ${JSON.stringify(first)})`);
    else valueKeys.set(key, v.id);
  }
}
