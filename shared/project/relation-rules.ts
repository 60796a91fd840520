/**
 * The rules of one relation, shared by the core's check (check-relations.ts) and the bundle's
 * (bundle/relation-rules.ts): its relation code and coder exist; both ends are posts of its
 * thread, and different posts; a span end fits its post's text and its quote equals that slice.
 */
import type { Post, Relation, RelationEnd } from '../model/records';
import { codePointLength, sliceCodePoints } from '../text/offsets';

export interface RelationFacts {
  hasRelationCode(id: string): boolean;
  hasCoder(id: string): boolean;
  post(id: string): Post | undefined;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export function relationProblem(relation: Relation, facts: RelationFacts): FieldProblem | undefined {
  if (!facts.hasRelationCode(relation.relationCodeId)) return { field: 'relationCodeId', message: `relation code ${relation.relationCodeId} does not exist` };
  if (!facts.hasCoder(relation.coderId)) return { field: 'coderId', message: `coder ${relation.coderId} does not exist` };
  for (const side of ['from', 'to'] as const) {
    const problem = endProblem(relation.threadId, relation[side], facts.post(relation[side].postId));
    if (problem) return { field: `${side}.${problem.field}`, message: problem.message };
  }
  if (relation.from.postId === relation.to.postId) return { field: 'to.postId', message: 'a relation links two different posts (both ends are post ' + relation.to.postId + ')' };
  return undefined;
}

export function endProblem(threadId: string, end: RelationEnd, post: Post | undefined): FieldProblem | undefined {
  if (!post) return { field: 'postId', message: `post ${end.postId} does not exist` };
  if (post.threadId !== threadId) return { field: 'postId', message: `post ${post.id} is in thread ${post.threadId}, not ${threadId}: both ends must be in the relation's thread` };
  if (end.start === undefined && end.end === undefined && end.quote === undefined) return undefined;
  if (end.start === undefined || end.end === undefined || end.quote === undefined) return { field: 'start', message: 'a span end needs start, end and quote together (a whole-post end has none)' };
  const length = codePointLength(post.text);
  const fits = Number.isSafeInteger(end.start) && Number.isSafeInteger(end.end) && end.start >= 0 && end.start < end.end && end.end <= length;
  if (!fits) return { field: 'end', message: `range ${end.start}–${end.end} does not fit post ${post.id} (length ${length}; need 0 ≤ start < end ≤ length)` };
  if (sliceCodePoints(post.text, end.start, end.end) !== end.quote) return { field: 'quote', message: `the quote does not match the text of post ${post.id} at ${end.start}–${end.end}` };
  return undefined;
}
