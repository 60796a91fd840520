/**
 * Attributes for the random table projects: an author text attribute spelled in two cases
 * ("Pro" / "pro", one column) with authors left without a value, a thread number attribute.
 */
import type { Attribute, AttributeValue } from '../../model/records';
import { MemoryProjectStore } from '../../project/memory-store';
import { attributeValueId } from '../attributes/attribute-value';
import type { RandomTableProject } from './random-project.test-helpers';

const T0 = '2025-01-01T00:00:00.000Z';

export const STANCE: Attribute = { id: 'a-stance', scope: 'author', name: 'Stance', type: 'text', createdAt: T0 };
export const SIZE: Attribute = { id: 'a-size', scope: 'thread', name: 'Size', type: 'number', createdAt: T0 };

const value = (attribute: Attribute, subject: string, v: string | number): AttributeValue => ({ id: attributeValueId(attribute.id, subject), attributeId: attribute.id, subject, value: v });

/** ada and Émile "pro" (spelled two ways), ben "contra", cem none; threads sized 10, 2, 10, none. */
export const ATTRIBUTE_VALUES: AttributeValue[] = [
  value(STANCE, 'ada', 'Pro'),
  value(STANCE, 'Émile', 'pro'),
  value(STANCE, 'ben', 'contra'),
  value(SIZE, 't0', 10),
  value(SIZE, 't1', 2),
  value(SIZE, 't2', 10),
];

/** The naive column of a coding: the value by the plain records ("" none; undefined: no author case). */
export function naiveAttributeKey(project: RandomTableProject, scope: 'author' | 'thread', postId: string, threadId: string): string | undefined {
  if (scope === 'thread') {
    const v = ATTRIBUTE_VALUES.find((x) => x.attributeId === SIZE.id && x.subject === threadId);
    return v === undefined ? '' : String(v.value);
  }
  const author = project.posts.find((p) => p.id === postId)!.author;
  if (author.trim() === '') return undefined;
  const v = ATTRIBUTE_VALUES.find((x) => x.attributeId === STANCE.id && x.subject === author);
  return v === undefined ? '' : String(v.value).toLowerCase();
}

export function storeWithAttributes(project: RandomTableProject): MemoryProjectStore {
  return new MemoryProjectStore({ project: { id: 'p', name: 'Random', createdAt: T0 }, ...project, attributes: [STANCE, SIZE], attributeValues: ATTRIBUTE_VALUES });
}
