import { sliceCodePoints } from '../text/offsets';

/**
 * Bundle problems are the one Problem: `record` is `bundle`, `project`, `app` or a record such as
 * `codings[3] (id "c-1")`, `field` dotted for nested values (`meta.score`). One line:
 * `codings[3] (id "c-1") end: offset 99 is outside the post text (length 40)`.
 */
export { formatProblem } from '../problem/problem';

/** `posts[2] (id "p-9")`; the id is JSON-quoted so odd characters stay visible. */
export function recordLabel(array: string, index: number, id: unknown): string {
  return typeof id === 'string' ? `${array}[${index}] (id ${JSON.stringify(id)})` : `${array}[${index}]`;
}

/** Quotes user text in a message: escaped and cut to a readable length. */
export function quoteForMessage(text: string, max = 60): string {
  const head = sliceCodePoints(text, 0, max);
  return JSON.stringify(head.length < text.length ? `${head}…` : text);
}

/*
 * Messages of the post and coding rules that both the whole check (bundle-rules.ts) and the bounded
 * one (bounded-record-check.ts) report: written once so the two can never word a problem apart.
 */

/** A string cut in half: `unit` is the lone surrogate's code unit, `index` its UTF-16 index. */
export const unpairedSurrogateMessage = (unit: number, index: number): string =>
  `unpaired surrogate U+${unit.toString(16).toUpperCase()} at UTF-16 index ${index}: not valid Unicode text`;

export const DELETED_POST_KEEPS_NOTHING = 'a post deleted on its platform keeps no text or author';

export const parentInOtherThreadMessage = (parentId: string, parentThread: string, thread: string): string =>
  `parent post ${JSON.stringify(parentId)} is in thread ${JSON.stringify(parentThread)}, not ${JSON.stringify(thread)}`;
