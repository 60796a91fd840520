/**
 * The relation codebook (named, directed relation codes beside the code tree) and relations
 * between two posts, or spans of two posts, of one thread: define, edit and delete a relation
 * code (its relations go with it, as a code's codings do), add and remove a relation, set its
 * memo. Each is one journal entry, undone by reverting it.
 */
import type { Post, Relation, RelationCode, RelationEnd } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { codePointLength, sliceCodePoints } from '../../text/offsets';
import { err, ok, type Result } from '../../util/result';
import { defineOperation, unchanged } from '../operation';
import { sortRelationCodes } from '../queries/relation-order';
import { staleEditProblem } from '../stale-edit';
import { excerpt } from './excerpt';

export const MAX_RELATION_NAME = 100;
export const MAX_RELATION_MEMO = 100_000;

/** Colours offered to new relation codes in turn (Paul Tol's muted scheme: tell-apart on white). */
export const RELATION_COLORS = ['#882255', '#117733', '#332288', '#aa4499', '#44aa99', '#999933', '#cc6677', '#88ccee'] as const;

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
const normalizeName = (name: string): string => name.replace(/\s+/g, ' ').trim();

/** Why `name` cannot name a relation code (other than `selfId`), or undefined when it can. */
export function relationNameProblem(name: string, codes: readonly RelationCode[], selfId?: string): string | undefined {
  if (name === '') return 'a relation code needs a name';
  if ([...name].length > MAX_RELATION_NAME) return `a relation code name has at most ${MAX_RELATION_NAME} characters`;
  const twin = codes.find((c) => c.id !== selfId && c.name.toLowerCase() === name.toLowerCase());
  return twin ? `there is already a relation code “${twin.name}”` : undefined;
}

const isColor = (c: string): boolean => /^#[0-9a-fA-F]{6}$/.test(c);

export interface DefineRelationCodeInput {
  name: string;
  definition?: string;
  /** "#rrggbb"; the next colour of RELATION_COLORS when absent. */
  color?: string;
}

export const defineRelationCode = defineOperation<DefineRelationCodeInput, { codes: RelationCode[] }, RelationCode>({
  kind: 'relationCode.define',
  async read(reader) {
    return { codes: await reader.relationCodes() };
  },
  plan({ codes }, input, { at, ids }) {
    const name = normalizeName(input.name);
    const problem = relationNameProblem(name, codes);
    if (problem) return err({ record: 'relation code', field: 'name', message: problem });
    const color = input.color ?? RELATION_COLORS[codes.length % RELATION_COLORS.length]!;
    if (!isColor(color)) return err({ record: `relation code “${name}”`, field: 'color', message: `expected a colour written "#rrggbb", got ${JSON.stringify(color)}` });
    const order = codes.reduce((max, c) => Math.max(max, c.order + 1), 0);
    const after: RelationCode = { id: ids.newId(), name, definition: (input.definition ?? '').trim(), color, order, createdAt: at };
    return ok({ summary: `Added the relation code “${name}”`, changes: { relationCodes: [{ before: null, after }] }, result: after });
  },
});

export interface EditRelationCodeInput {
  relationCodeId: string;
  name?: string;
  definition?: string;
  color?: string;
}

export const editRelationCode = defineOperation<EditRelationCodeInput, { codes: RelationCode[] }, RelationCode>({
  kind: 'relationCode.edit',
  async read(reader) {
    return { codes: await reader.relationCodes() };
  },
  plan({ codes }, input) {
    const current = codes.find((c) => c.id === input.relationCodeId);
    if (!current) return err({ record: `relation code ${input.relationCodeId}`, field: 'id', message: 'the relation code does not exist' });
    const name = input.name === undefined ? current.name : normalizeName(input.name);
    const problem = relationNameProblem(name, codes, current.id);
    if (problem) return err({ record: `relation code “${current.name}”`, field: 'name', message: problem });
    const color = input.color ?? current.color;
    if (!isColor(color)) return err({ record: `relation code “${current.name}”`, field: 'color', message: `expected a colour written "#rrggbb", got ${JSON.stringify(color)}` });
    const after: RelationCode = { ...current, name, color, definition: input.definition === undefined ? current.definition : input.definition.trim() };
    if (after.name === current.name && after.color === current.color && after.definition === current.definition) return unchanged(`No change to “${current.name}”`, current);
    const what = after.name !== current.name ? `Renamed the relation code “${current.name}” to “${after.name}”` : `Edited the relation code “${current.name}”`;
    return ok({ summary: what, changes: { relationCodes: [{ before: current, after }] }, result: after });
  },
});

export const deleteRelationCode = defineOperation<{ relationCodeId: string }, { codes: RelationCode[]; relations: Relation[] }, null>({
  kind: 'relationCode.delete',
  async read(reader, { relationCodeId }) {
    const [codes, relations] = await Promise.all([reader.relationCodes(), reader.relations()]);
    return { codes, relations: relations.filter((r) => r.relationCodeId === relationCodeId) };
  },
  plan({ codes, relations }, { relationCodeId }) {
    const code = codes.find((c) => c.id === relationCodeId);
    if (!code) return err({ record: `relation code ${relationCodeId}`, field: 'id', message: 'the relation code does not exist' });
    return ok({
      summary: `Deleted the relation code “${code.name}” with its ${plural(relations.length, 'relation')}`,
      changes: { relations: relations.map((before) => ({ before, after: null })), relationCodes: [{ before: code, after: null }] },
      result: null,
    });
  },
});

/** Moves a relation code one place up or down in the Relations list. */
export const moveRelationCode = defineOperation<{ relationCodeId: string; by: -1 | 1 }, { codes: RelationCode[] }, null>({
  kind: 'relationCode.move',
  async read(reader) {
    return { codes: await reader.relationCodes() };
  },
  plan({ codes }, { relationCodeId, by }) {
    const ordered = sortRelationCodes([...codes]);
    const at = ordered.findIndex((c) => c.id === relationCodeId);
    if (at === -1) return err({ record: `relation code ${relationCodeId}`, field: 'id', message: 'the relation code does not exist' });
    const to = at + by;
    if (to < 0 || to >= ordered.length) return unchanged('Already at the end of the list', null);
    const moved = [...ordered];
    [moved[at], moved[to]] = [moved[to]!, moved[at]!];
    const rows = moved.flatMap((c, i) => (c.order === i ? [] : [{ before: c, after: { ...c, order: i } }]));
    return ok({ summary: `Moved the relation code “${ordered[at]!.name}” ${by < 0 ? 'up' : 'down'}`, changes: { relationCodes: rows }, result: null });
  },
});

/** One end as asked for: a whole post, or a span of it in code points (end exclusive). */
export interface RelationEndInput {
  postId: string;
  start?: number;
  end?: number;
}

export interface AddRelationInput {
  relationCodeId: string;
  from: RelationEndInput;
  to: RelationEndInput;
  memo?: string;
  /** Whose relation: the acting coder unless given. */
  coderId?: string;
}

interface AddRelationSnapshot {
  code: RelationCode | undefined;
  posts: Map<string, Post>;
  relations: Relation[];
}

/** The stored end for `input` on `post`, with its quote, or a Problem naming the side. */
export function relationEnd(side: 'from' | 'to', input: RelationEndInput, post: Post | undefined): Result<RelationEnd, Problem> {
  if (!post) return err({ record: `post ${input.postId}`, field: side, message: 'the post does not exist' });
  if (input.start === undefined && input.end === undefined) return ok({ postId: post.id });
  const { start, end } = input;
  const length = codePointLength(post.text);
  if (start === undefined || end === undefined || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start >= end || end > length)
    return err({ record: `post ${post.id}`, field: side, message: `the span ${String(start)}–${String(end)} does not fit the post (length ${length}; need 0 ≤ start < end ≤ length)` });
  return ok({ postId: post.id, start, end, quote: sliceCodePoints(post.text, start, end) });
}

/** "Ada’s post" or "“a quote…” in Ada’s post": how a relation end is named in summaries and lists. */
export function describeEnd(end: RelationEnd, post: Post | undefined): string {
  const whose = `${post?.author || 'an anonymous'}’s post`;
  return end.quote === undefined ? whose : `“${excerpt(end.quote, 30)}” in ${whose}`;
}

const sameEnd = (a: RelationEnd, b: RelationEnd): boolean => a.postId === b.postId && a.start === b.start && a.end === b.end;

export const addRelation = defineOperation<AddRelationInput, AddRelationSnapshot, Relation>({
  kind: 'relation.add',
  async read(reader, input) {
    const [codes, posts] = await Promise.all([reader.relationCodes(), reader.posts([input.from.postId, input.to.postId])]);
    const thread = posts.get(input.from.postId)?.threadId;
    return { code: codes.find((c) => c.id === input.relationCodeId), posts, relations: thread ? await reader.relationsOfThread(thread) : [] };
  },
  plan({ code, posts, relations }, input, { at, actor, ids }) {
    if (!code) return err({ record: `relation code ${input.relationCodeId}`, field: 'id', message: 'the relation code does not exist' });
    const from = relationEnd('from', input.from, posts.get(input.from.postId));
    if (!from.ok) return from;
    const to = relationEnd('to', input.to, posts.get(input.to.postId));
    if (!to.ok) return to;
    const fromPost = posts.get(from.value.postId)!;
    const toPost = posts.get(to.value.postId)!;
    if (fromPost.id === toPost.id) return err({ record: `post ${fromPost.id}`, field: 'to', message: 'a relation links two different posts: choose another post as its target' });
    if (fromPost.threadId !== toPost.threadId) return err({ record: `post ${toPost.id}`, field: 'to', message: `the post is in another thread: both ends of a relation are posts of one thread` });
    const coderId = input.coderId ?? actor.id;
    const twin = relations.find((r) => r.coderId === coderId && r.relationCodeId === code.id && sameEnd(r.from, from.value) && sameEnd(r.to, to.value));
    if (twin) return unchanged(`This relation is already there`, twin);
    const relation: Relation = {
      id: ids.newId(),
      relationCodeId: code.id,
      coderId,
      threadId: fromPost.threadId,
      from: from.value,
      to: to.value,
      memo: input.memo ?? '',
      createdAt: at,
      updatedAt: at,
    };
    return ok({ summary: `Related ${describeEnd(from.value, fromPost)} to ${describeEnd(to.value, toPost)} as “${code.name}”`, changes: { relations: [{ before: null, after: relation }] }, result: relation });
  },
});

interface RelationSnapshot {
  relation: Relation | undefined;
  code: RelationCode | undefined;
}

async function readRelation(reader: Parameters<typeof addRelation.read>[0], relationId: string): Promise<RelationSnapshot> {
  const [relations, codes] = await Promise.all([reader.relations(), reader.relationCodes()]);
  const relation = relations.find((r) => r.id === relationId);
  return { relation, code: codes.find((c) => c.id === relation?.relationCodeId) };
}

const unknownRelation = (id: string) => err({ record: `relation ${id}`, field: 'id', message: 'the relation does not exist (it may have been removed meanwhile)' });

export const removeRelation = defineOperation<{ relationId: string }, RelationSnapshot, Relation>({
  kind: 'relation.remove',
  read: (reader, { relationId }) => readRelation(reader, relationId),
  plan({ relation, code }, { relationId }) {
    if (!relation) return unknownRelation(relationId);
    return ok({ summary: `Removed a “${code?.name ?? relation.relationCodeId}” relation`, changes: { relations: [{ before: relation, after: null }] }, result: relation });
  },
});

/** `base`: the memo the dialog loaded; a memo changed since is not overwritten (stale-edit.ts). */
export const setRelationMemo = defineOperation<{ relationId: string; memo: string; base?: string }, RelationSnapshot, Relation>({
  kind: 'relation.memo',
  read: (reader, { relationId }) => readRelation(reader, relationId),
  plan({ relation, code }, input, { at }) {
    if (!relation) return unknownRelation(input.relationId);
    const memo = input.memo.replace(/\r\n?/g, '\n');
    if ([...memo].length > MAX_RELATION_MEMO) return err({ record: `relation ${relation.id}`, field: 'memo', message: `a memo has at most ${MAX_RELATION_MEMO.toLocaleString('en-US')} characters` });
    const stale = staleEditProblem({ stored: relation.memo, base: input.base, next: memo, record: `relation ${relation.id}`, field: 'memo', what: 'This relation’s memo', kept: 'your text is kept in the dialog', merge: 'reopen the relation and merge' });
    if (stale) return err(stale);
    if (memo === relation.memo) return unchanged('No change to the memo', relation);
    const after: Relation = { ...relation, memo, updatedAt: at };
    const what = code?.name ?? relation.relationCodeId;
    const summary = memo.trim() === '' ? `Cleared the memo of a “${what}” relation` : `Memo on a “${what}” relation: “${excerpt(memo)}”`;
    return ok({ summary, changes: { relations: [{ before: relation, after }] }, result: after });
  },
});
