/**
 * The canonical bundle order of memos and attributes: memos by target kind, target id, coder;
 * attributes by scope then name; values by attribute then subject. Sorted in place.
 */
import type { Attribute, AttributeValue, Memo } from '../../model/records';
import { compareStrings } from '../record-order';

const KIND_RANK = { project: 0, thread: 1, post: 2, code: 3 } as const;

export function sortMemosAndAttributes(memos: Memo[], attributes: Attribute[], values: AttributeValue[]): void {
  memos.sort(
    (a, b) =>
      KIND_RANK[a.target.kind] - KIND_RANK[b.target.kind] || compareStrings(a.target.id, b.target.id) || compareStrings(a.coderId, b.coderId) || compareStrings(a.id, b.id),
  );
  attributes.sort((a, b) => compareStrings(a.scope, b.scope) || compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  values.sort((a, b) => compareStrings(a.attributeId, b.attributeId) || compareStrings(a.subject, b.subject) || compareStrings(a.id, b.id));
}
