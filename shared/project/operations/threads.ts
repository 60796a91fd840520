/**
 * A thread's life after its import: renamed (its title), or deleted with everything that belongs
 * to it. Deleting is one journal entry that keeps every removed record whole (posts included), so
 * undo and History → Revert put the thread back exactly as it was.
 */
import type { Assignment, Attribute, AttributeValue, Code, Coding, Decision, Memo, Post, Relation, Round, Thread } from '../../model/records';
import { err, ok } from '../../util/result';
import type { ChangeSet } from '../change-set';
import { defineOperation, unchanged } from '../operation';
import { staleEditProblem } from '../stale-edit';
import { memosRemovedWith } from './memos';

const plural = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
const MAX_TITLE = 500;

const threadRecord = (id: string): string => `thread ${id}`;

/** `base`: the title the form loaded; a thread renamed since is not renamed over (stale-edit.ts). */
export const renameThread = defineOperation<{ threadId: string; title: string; base?: string }, { thread: Thread | undefined }, Thread>({
  kind: 'thread.rename',
  async read(reader, { threadId }) {
    return { thread: (await reader.threads()).find((t) => t.id === threadId) };
  },
  plan({ thread }, input) {
    if (!thread) return err({ record: threadRecord(input.threadId), field: 'id', message: 'the thread does not exist' });
    const title = input.title.replace(/\s+/g, ' ').trim();
    if (title === '') return err({ record: threadRecord(thread.id), field: 'title', message: 'a thread needs a title' });
    if ([...title].length > MAX_TITLE) return err({ record: threadRecord(thread.id), field: 'title', message: `a thread title has at most ${MAX_TITLE} characters` });
    const stale = staleEditProblem({ stored: thread.title, base: input.base, next: title, record: threadRecord(thread.id), field: 'title', what: 'The thread’s title', kept: 'your title is kept in the form', merge: 'rename it again' });
    if (stale) return err(stale);
    if (title === thread.title) return unchanged(`The thread is already called “${title}”`, thread);
    const renamed: Thread = { ...thread, title };
    return ok({ summary: `Renamed the thread “${thread.title}” to “${title}”`, changes: { threads: [{ before: thread, after: renamed }] }, result: renamed });
  },
});

export interface DeletedThread {
  thread: Thread;
  posts: number;
  codings: number;
}

interface DeleteThreadSnapshot {
  thread: Thread | undefined;
  posts: Post[];
  codings: Coding[];
  codes: Code[];
  assignments: Assignment[];
  rounds: Round[];
  decisions: Decision[];
  memos: Memo[];
  attributes: Attribute[];
  attributeValues: AttributeValue[];
  relations: Relation[];
}

/**
 * Removes a thread, its posts and every coding on them (by every coder), and whatever points at
 * them: exemplar marks, the posts in assignments and rounds (the assignment or round stays, with
 * the posts it has left), adjudication decisions on the posts, memos on the thread and its posts,
 * the thread's attribute values, the relations between its posts.
 */
export const deleteThread = defineOperation<{ threadId: string }, DeleteThreadSnapshot, DeletedThread>({
  kind: 'thread.delete',
  async read(reader, { threadId }) {
    const thread = (await reader.threads()).find((t) => t.id === threadId);
    if (!thread) return { thread, posts: [], codings: [], codes: [], assignments: [], rounds: [], decisions: [], memos: [], attributes: [], attributeValues: [], relations: [] };
    const [posts, codings, codes, assignments, rounds, decisions, memos, attributes, attributeValues, relations] = await Promise.all([
      reader.postsOfThread(threadId),
      reader.codingsOfThread(threadId),
      reader.codes(),
      reader.assignments(),
      reader.rounds(),
      reader.decisions(),
      reader.memos(),
      reader.attributes(),
      reader.attributeValues(),
      reader.relationsOfThread(threadId),
    ]);
    return { thread, posts, codings, codes, assignments, rounds, decisions, memos, attributes, attributeValues, relations };
  },
  plan(s, { threadId }) {
    const { thread } = s;
    if (!thread) return err({ record: threadRecord(threadId), field: 'id', message: 'the thread does not exist' });
    const postIds = new Set(s.posts.map((p) => p.id));
    // A coding carries its thread id; one that points at a post of this thread goes too.
    const codingIds = new Set(s.codings.map((c) => c.id));
    const changes: ChangeSet = {
      threads: [{ before: thread, after: null }],
      // In reading order: a revert puts them back in the same order.
      posts: s.posts.map((before) => ({ before, after: null })),
      codings: s.codings.map((before) => ({ before, after: null })),
      codes: s.codes.flatMap((code) => {
        const kept = code.exemplarCodingIds.filter((id) => !codingIds.has(id));
        return kept.length === code.exemplarCodingIds.length ? [] : [{ before: code, after: { ...code, exemplarCodingIds: kept } }];
      }),
      assignments: withoutPosts(s.assignments, postIds),
      rounds: withoutPosts(s.rounds, postIds),
      decisions: s.decisions.filter((d) => postIds.has(d.postId)).map((before) => ({ before, after: null })),
      memos: [...memosRemovedWith(s.memos, 'thread', new Set([thread.id])), ...memosRemovedWith(s.memos, 'post', postIds)],
      attributeValues: threadValues(s.attributes, s.attributeValues, thread.id),
      relations: s.relations.map((before) => ({ before, after: null })),
    };
    const counted = [plural(s.posts.length, 'post'), plural(s.codings.length, 'coding')].join(', ');
    return ok({ summary: `Deleted the thread “${thread.title}” (${counted})`, changes, result: { thread, posts: s.posts.length, codings: s.codings.length } });
  },
});

/** The thread's values of thread attributes, removed with it. */
function threadValues(attributes: readonly Attribute[], values: readonly AttributeValue[], threadId: string): Array<{ before: AttributeValue; after: null }> {
  const threadAttributes = new Set(attributes.filter((a) => a.scope === 'thread').map((a) => a.id));
  return values.filter((v) => v.subject === threadId && threadAttributes.has(v.attributeId)).map((before) => ({ before, after: null }));
}

/** Records listing posts, without the removed ones (only those that listed any). */
function withoutPosts<T extends { postIds: string[] }>(records: readonly T[], removed: ReadonlySet<string>): Array<{ before: T; after: T }> {
  return records.flatMap((record) => {
    const kept = record.postIds.filter((id) => !removed.has(id));
    return kept.length === record.postIds.length ? [] : [{ before: record, after: { ...record, postIds: kept } }];
  });
}
