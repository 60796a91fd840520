/**
 * Cross-record rules of bundle v2: unique ids, references that resolve, trees without loops, and
 * offsets that address the post text exactly;
 * the codebook's own rules (exemplars, shortcuts, change log, versions) are in codebook-rules.ts. Runs on records that passed the shape check; ids
 * of records that failed it still count as known, so one bad record does not cascade into
 * "unknown reference" noise elsewhere.
 */
import type { Problem } from '../problem/problem';
import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, Coder, Decision, Memo, Post, Relation, RelationCode, Round, Thread } from '../model/records';
import type { JournalEntry } from '../project/journal-entry';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import { firstUnpairedSurrogate, firstUnpairedSurrogateField } from '../text/well-formed';
import type { BundleCoding } from './bundle';
import { RECORD_ARRAYS, type RecordArrayName } from './bundle-schema';
import { checkCodebookRules, checkCodebookSize } from './codebook-rules';
import { checkMemosAndAttributes } from './memo-attribute-rules';
import { DELETED_POST_KEEPS_NOTHING, parentInOtherThreadMessage, quoteForMessage, recordLabel, unpairedSurrogateMessage } from './problem';
import { checkRelations } from './relation-rules';

export interface Indexed<T> {
  index: number;
  value: T;
}

export interface CheckedRecords {
  threads: Array<Indexed<Thread>>;
  posts: Array<Indexed<Post>>;
  codes: Array<Indexed<Code>>;
  coders: Array<Indexed<Coder>>;
  codings: Array<Indexed<BundleCoding>>;
  journal: Array<Indexed<JournalEntry>>;
  codebookVersions: Array<Indexed<CodebookVersion>>;
  assignments: Array<Indexed<Assignment>>;
  rounds: Array<Indexed<Round>>;
  decisions: Array<Indexed<Decision>>;
  memos: Array<Indexed<Memo>>;
  attributes: Array<Indexed<Attribute>>;
  attributeValues: Array<Indexed<AttributeValue>>;
  relationCodes: Array<Indexed<RelationCode>>;
  relations: Array<Indexed<Relation>>;
}

/** A problem tagged with its record's position so the caller can list problems in file order. */
export interface PlacedProblem {
  array: RecordArrayName;
  index: number;
  problem: Problem;
}

/**
 * Every raw id per array, first occurrence wins (duplicates are reported, not resolved). Ids only:
 * one Map entry per record (the id string is the record's own), so a streamed read keeps these
 * and not the raw records (record-check.ts).
 */
/** The part of a Map the rules use: a Map, or a compact table (id-table.ts) where ids are many. */
export interface IdIndex {
  get(id: string): number | undefined;
  has(id: string): boolean;
  set(id: string, index: number): unknown;
}

/** Every raw id of each array, with the index of its first record. */
export type KnownIds = Record<RecordArrayName, IdIndex>;

export function emptyKnownIds(): Record<RecordArrayName, Map<string, number>> {
  return Object.fromEntries(RECORD_ARRAYS.map((array) => [array, new Map<string, number>()])) as Record<RecordArrayName, Map<string, number>>;
}

/** Notes the ids of raw records `from` on in `array`; a repeated id is a problem placed at the repeat. */
export function noteIds(known: KnownIds, array: RecordArrayName, records: readonly unknown[], from: number, duplicates: PlacedProblem[]): void {
  const ids = known[array];
  records.forEach((record, at) => {
    const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const index = from + at;
    const first = ids.get(id);
    if (first === undefined) ids.set(id, index);
    else duplicates.push({ array, index, problem: { record: recordLabel(array, index, id), field: 'id', message: `duplicate id (also used by ${recordLabel(array, first, id)})` } });
  });
}

/**
 * What the rules read of posts and codings a bounded read no longer holds (bounded-record-check.ts:
 * it checks them itself and passes their `checked` arrays empty): a checked post's thread, a
 * checked coding's code.
 */
export interface HeldElsewhere {
  postThread(id: string): { id: string; threadId: string } | undefined;
  codeOfCoding(id: string): string | undefined;
}

/** The cross-record rules over the records that passed the shape check, given every raw id (noteIds). */
export function checkBundleRules(known: KnownIds, checked: CheckedRecords, elsewhere?: HeldElsewhere): PlacedProblem[] {
  const out: PlacedProblem[] = [];
  const report = (array: RecordArrayName, index: number, id: string, field: string, message: string): void => {
    out.push({ array, index, problem: { record: recordLabel(array, index, id), field, message } });
  };

  const postsById = new Map(checked.posts.map(({ value }) => [value.id, value]));
  const postThread = elsewhere ? (id: string) => elsewhere.postThread(id) : (id: string) => postsById.get(id);

  for (const { index, value: t } of checked.threads) {
    const root = postThread(t.rootPostId);
    if (!known.posts.has(t.rootPostId)) report('threads', index, t.id, 'rootPostId', `unknown post ${JSON.stringify(t.rootPostId)}`);
    else if (root && root.threadId !== t.id)
      report('threads', index, t.id, 'rootPostId', `post ${JSON.stringify(root.id)} belongs to thread ${JSON.stringify(root.threadId)}`);
  }

  for (const { index, value: p } of checked.posts) {
    if (!known.threads.has(p.threadId)) report('posts', index, p.id, 'threadId', `unknown thread ${JSON.stringify(p.threadId)}`);
    const lone = firstUnpairedSurrogate(p.text);
    if (lone !== -1)
      report('posts', index, p.id, 'text', unpairedSurrogateMessage(p.text.charCodeAt(lone), lone));
    // A post deleted on its platform keeps only its ids and place (platform-deletions).
    if (p.deletedOnPlatform !== undefined && (p.text !== '' || p.author !== '')) report('posts', index, p.id, p.text !== '' ? 'text' : 'author', DELETED_POST_KEEPS_NOTHING);
    if (p.parentId === null) continue;
    const parent = postsById.get(p.parentId);
    if (!known.posts.has(p.parentId)) report('posts', index, p.id, 'parentId', `unknown post ${JSON.stringify(p.parentId)}`);
    else if (parent && parent.threadId !== p.threadId)
      report('posts', index, p.id, 'parentId', parentInOtherThreadMessage(parent.id, parent.threadId, p.threadId));
  }
  checkWellFormedStrings(checked, report);
  for (const loop of findLoops(checked.posts.map((p) => p.value))) {
    const first = checked.posts.find((p) => p.value.id === loop[0])!;
    report('posts', first.index, first.value.id, 'parentId', `reply chain loops: ${loop.concat(loop[0]!).map((x) => JSON.stringify(x)).join(' → ')}`);
  }

  for (const { index, value: c } of checked.codes) {
    if (c.parentId !== null && !known.codes.has(c.parentId))
      report('codes', index, c.id, 'parentId', `unknown code ${JSON.stringify(c.parentId)}`);
  }
  for (const loop of findLoops(checked.codes.map((c) => c.value))) {
    const first = checked.codes.find((c) => c.value.id === loop[0])!;
    report('codes', first.index, first.value.id, 'parentId', `code tree loops: ${loop.concat(loop[0]!).map((x) => JSON.stringify(x)).join(' → ')}`);
  }
  checkCodebookSize(checked.codes, report);

  for (const { index, value: c } of checked.codings) {
    const at = (field: string, message: string): void => report('codings', index, c.id, field, message);
    if (!known.posts.has(c.postId)) at('postId', `unknown post ${JSON.stringify(c.postId)}`);
    if (!known.codes.has(c.codeId)) at('codeId', `unknown code ${JSON.stringify(c.codeId)}`);
    if (!known.coders.has(c.coderId)) at('coderId', `unknown coder ${JSON.stringify(c.coderId)}`);
    const post = postsById.get(c.postId);
    if (post) checkOffsets(post.text, c, at);
  }
  for (const { index, value: a } of checked.assignments) {
    const at = (field: string, message: string): void => report('assignments', index, a.id, field, message);
    if (!known.coders.has(a.coderId)) at('coderId', `unknown coder ${JSON.stringify(a.coderId)}`);
    const unknown = a.postIds.findIndex((id) => !known.posts.has(id));
    if (unknown !== -1) at(`postIds.${unknown}`, `unknown post ${JSON.stringify(a.postIds[unknown])}`);
  }
  for (const { index, value: r } of checked.rounds) {
    const at = (field: string, message: string): void => report('rounds', index, r.id, field, message);
    if (!known.codebookVersions.has(r.codebookVersionId)) at('codebookVersionId', `unknown codebook version ${JSON.stringify(r.codebookVersionId)}`);
    const coder = r.coderIds.findIndex((id) => !known.coders.has(id));
    if (coder !== -1) at(`coderIds.${coder}`, `unknown coder ${JSON.stringify(r.coderIds[coder])}`);
    const post = r.postIds.findIndex((id) => !known.posts.has(id));
    if (post !== -1) at(`postIds.${post}`, `unknown post ${JSON.stringify(r.postIds[post])}`);
  }
  for (const { index, value: a } of checked.assignments) {
    if (a.roundId !== undefined && !known.rounds.has(a.roundId)) report('assignments', index, a.id, 'roundId', `unknown round ${JSON.stringify(a.roundId)}`);
  }
  for (const { index, value: d } of checked.decisions) {
    const at = (field: string, message: string): void => report('decisions', index, d.id, field, message);
    if (!known.posts.has(d.postId)) at('postId', `unknown post ${JSON.stringify(d.postId)}`);
    if (!known.codes.has(d.codeId)) at('codeId', `unknown code ${JSON.stringify(d.codeId)}`);
    if (d.roundId !== null && !known.rounds.has(d.roundId)) at('roundId', `unknown round ${JSON.stringify(d.roundId)}`);
    const coding = d.consensusCodingIds.findIndex((id) => !known.codings.has(id));
    if (coding !== -1) at(`consensusCodingIds.${coding}`, `unknown coding ${JSON.stringify(d.consensusCodingIds[coding])}`);
  }
  checkMemosAndAttributes(checked, known, report);
  checkRelations(checked, known, postsById, report);
  checkCodebookRules(checked, known, report, elsewhere?.codeOfCoding);
  return out;
}

// Post text is checked above with its own message; a quote is compared with the text it was cut from;
// the journal holds copies of records (and can be long), checked when they were written.
export const CHECKED_ELSEWHERE: Partial<Record<keyof CheckedRecords, ReadonlySet<string>>> = { posts: new Set(['text']), codings: new Set(['quote']) };
const NOT_WALKED: ReadonlySet<keyof CheckedRecords> = new Set(['journal']);

/** Names, ids, memos, titles… hold well-formed Unicode too: an unpaired surrogate is named, field and index. */
export function checkWellFormedStrings(checked: CheckedRecords, report: (array: RecordArrayName, index: number, id: string, field: string, message: string) => void): void {
  for (const array of Object.keys(checked) as Array<keyof CheckedRecords>) {
    if (NOT_WALKED.has(array)) continue;
    const skip = CHECKED_ELSEWHERE[array];
    for (const { index, value } of checked[array] as Array<Indexed<{ id?: unknown }>>) {
      const bad = firstUnpairedSurrogateField(value, skip);
      if (bad) report(array as RecordArrayName, index, typeof value.id === 'string' ? value.id : '', bad.field, unpairedSurrogateMessage(bad.unit, bad.index));
    }
  }
}

export function checkOffsets(text: string, c: Pick<BundleCoding, 'start' | 'end' | 'quote'>, at: (field: string, message: string) => void): void {
  const length = codePointLength(text);
  let inRange = true;
  for (const field of ['start', 'end'] as const) {
    if (c[field] > length) {
      at(field, `offset ${c[field]} is outside the post text (length ${length})`);
      inRange = false;
    }
  }
  if (c.start >= c.end) {
    at('end', `end ${c.end} must be greater than start ${c.start} (a coding covers at least one character)`);
    return;
  }
  if (!inRange) return;
  const actual = sliceCodePoints(text, c.start, c.end);
  if (actual !== c.quote)
    at('quote', `${quoteForMessage(c.quote)} does not match the post text at [${c.start}, ${c.end}), which is ${quoteForMessage(actual)}`);
}

/**
 * Each parent-pointer loop once, as ids from its first member in array order. Linear: every node
 * is walked at most once.
 */
export function findLoops(nodes: ReadonlyArray<{ id: string; parentId: string | null }>): string[][] {
  const parentOf = new Map<string, string | null>();
  const order = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (parentOf.has(n.id)) return;
    parentOf.set(n.id, n.parentId);
    order.set(n.id, i);
  });
  const state = new Map<string, 'walking' | 'done'>();
  const loops: string[][] = [];
  for (const n of nodes) {
    const path: string[] = [];
    let id: string | null | undefined = n.id;
    while (id !== null && id !== undefined && parentOf.has(id) && !state.has(id)) {
      state.set(id, 'walking');
      path.push(id);
      id = parentOf.get(id);
    }
    if (id !== null && id !== undefined && state.get(id) === 'walking') {
      const loop = path.slice(path.indexOf(id));
      // Start at the member listed first in the file, so the report is stable and easy to find.
      const firstAt = loop.reduce((best, x, i) => (order.get(x)! < order.get(loop[best]!)! ? i : best), 0);
      loops.push([...loop.slice(firstAt), ...loop.slice(0, firstAt)]);
    }
    for (const p of path) state.set(p, 'done');
  }
  return loops;
}
