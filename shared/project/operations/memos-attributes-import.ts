/**
 * What a bundle brings of memos and attributes into a project that may hold some already: nothing
 * stored is overwritten. A memo whose coder already has one on the same target is skipped; an
 * attribute named like a stored one of its scope is that attribute (its values follow it when the
 * types agree); a value the project already has for that attribute and subject is kept.
 */
import type { Bundle } from '../../bundle/bundle';
import type { Attribute, AttributeValue, Memo } from '../../model/records';
import { attributeValueId } from './attributes';
import { memoKey } from './memos';

interface Stored {
  memos: readonly Memo[];
  attributes: readonly Attribute[];
  attributeValues: readonly AttributeValue[];
}

export function memosAndAttributesToAdd(stored: Stored, bundle: Bundle): { memos: Memo[]; attributes: Attribute[]; attributeValues: AttributeValue[] } {
  const memoKeys = new Set(stored.memos.map(memoKey));
  const memoIds = new Set(stored.memos.map((m) => m.id));
  const memos = (bundle.memos ?? []).filter((m) => !memoIds.has(m.id) && !memoKeys.has(memoKey(m)));

  const nameKey = (a: Pick<Attribute, 'scope' | 'name'>): string => `${a.scope}\u0000${a.name.trim().toLowerCase()}`;
  const storedByName = new Map(stored.attributes.map((a) => [nameKey(a), a]));
  const storedIds = new Set(stored.attributes.map((a) => a.id));
  const attributes: Attribute[] = [];
  /** Bundle attribute id → the project's attribute its values go to (absent: its values are dropped). */
  const target = new Map<string, Attribute>();
  for (const a of bundle.attributes ?? []) {
    const same = storedByName.get(nameKey(a));
    if (same) {
      if (same.type === a.type) target.set(a.id, same);
    } else if (!storedIds.has(a.id)) {
      attributes.push(a);
      target.set(a.id, a);
    }
  }
  const valueKeys = new Set(stored.attributeValues.map((v) => `${v.attributeId}\u0000${v.subject}`));
  const attributeValues: AttributeValue[] = [];
  for (const v of bundle.attributeValues ?? []) {
    const attribute = target.get(v.attributeId);
    if (!attribute || valueKeys.has(`${attribute.id}\u0000${v.subject}`)) continue;
    valueKeys.add(`${attribute.id}\u0000${v.subject}`);
    attributeValues.push(attribute.id === v.attributeId ? v : { ...v, id: attributeValueId(attribute.id, v.subject), attributeId: attribute.id });
  }
  return { memos, attributes, attributeValues };
}
