/**
 * Memos on the project, a thread, a post or a code: one per target and coder, written, rewritten
 * or cleared (an empty text deletes it) as one undoable journal entry each. Coding memos stay on
 * the coding (codings.ts, `coding.memo`).
 */
import type { Memo, MemoTarget, MemoTargetKind } from '../../model/records';
import { derivedId } from '../../util/derived-id';
import { err, ok } from '../../util/result';
import type { RowChange } from '../change-set';
import { defineOperation, unchanged } from '../operation';
import type { ProjectReader } from '../project-store';
import { staleEditProblem } from '../stale-edit';
import { excerpt } from './excerpt';

/** A coder's memo on a target always has this id: writing it again finds the same record. */
export const memoId = (target: MemoTarget, coderId: string): string => derivedId('memo', target.kind, target.id, coderId);
export const memoKey = (m: Pick<Memo, 'target' | 'coderId'>): string => `${m.target.kind}\u0000${m.target.id}\u0000${m.coderId}`;

export const MAX_MEMO_LENGTH = 100_000;
const NOUN: Record<MemoTargetKind, string> = { project: 'the project', thread: 'the thread', post: 'a post', code: 'the code' };

/** What a memo is on, in words ("the thread “Budget”"), or undefined when it does not exist. */
export async function describeTarget(reader: ProjectReader, target: MemoTarget): Promise<string | undefined> {
  switch (target.kind) {
    case 'project': {
      const project = await reader.project();
      return project?.id === target.id ? `the project “${project.name}”` : undefined;
    }
    case 'thread': {
      const thread = (await reader.threads()).find((t) => t.id === target.id);
      return thread ? `the thread “${excerpt(thread.title)}”` : undefined;
    }
    case 'post': {
      const post = (await reader.posts([target.id])).get(target.id);
      return post ? `${post.author || 'an anonymous'}’s post “${excerpt(post.text)}”` : undefined;
    }
    case 'code': {
      const code = (await reader.codes()).find((c) => c.id === target.id);
      return code ? `the code “${code.name}”` : undefined;
    }
  }
}

export interface WriteMemoInput {
  target: MemoTarget;
  text: string;
  /** Whose memo: the acting coder unless given. */
  coderId?: string;
  /** The text the dialog loaded (null: none): a memo changed since is not overwritten (stale-edit.ts). */
  base?: string | null;
}

interface WriteMemoSnapshot {
  targetName: string | undefined;
  coderIds: Set<string>;
  memos: Memo[];
}

export const writeMemo = defineOperation<WriteMemoInput, WriteMemoSnapshot, Memo | null>({
  kind: 'memo.write',
  async read(reader, input) {
    const [targetName, coders, memos] = await Promise.all([describeTarget(reader, input.target), reader.coders(), reader.memos()]);
    return { targetName, coderIds: new Set(coders.map((c) => c.id)), memos };
  },
  plan(snapshot, input, { at, actor }) {
    const coderId = input.coderId ?? actor.id;
    const record = `${input.target.kind} ${input.target.id}`;
    if (!snapshot.targetName) return err({ record, field: 'id', message: `the ${input.target.kind} does not exist: no memo can be written on it` });
    if (!snapshot.coderIds.has(coderId)) return err({ record: `coder ${coderId}`, field: 'id', message: 'the coder does not exist' });
    const text = input.text.replace(/\r\n?/g, '\n');
    if ([...text].length > MAX_MEMO_LENGTH) return err({ record, field: 'memo', message: `a memo has at most ${MAX_MEMO_LENGTH.toLocaleString('en-US')} characters` });
    const id = memoId(input.target, coderId);
    const existing = snapshot.memos.find((m) => m.id === id);
    const stale = staleEditProblem({ stored: existing?.text ?? null, base: input.base, next: text, record, field: 'memo', what: 'This memo', kept: 'your text is kept in the dialog', merge: 'reopen the memo and merge' });
    if (stale) return err(stale);
    if (text.trim() === '') {
      if (!existing) return unchanged(`No memo on ${NOUN[input.target.kind]}`, null);
      return ok({ summary: `Cleared the memo on ${snapshot.targetName}`, changes: { memos: [{ before: existing, after: null }] }, result: null });
    }
    if (existing?.text === text) return unchanged('No change to the memo', existing);
    const after: Memo = { id, target: { kind: input.target.kind, id: input.target.id }, coderId, text, createdAt: existing?.createdAt ?? at, updatedAt: at };
    return ok({ summary: `Memo on ${snapshot.targetName}: “${excerpt(text)}”`, changes: { memos: [{ before: existing ?? null, after }] }, result: after });
  },
});

export const deleteMemo = defineOperation<{ memoId: string }, { memo: Memo | undefined; targetName: string | undefined }, null>({
  kind: 'memo.delete',
  async read(reader, { memoId: id }) {
    const memo = (await reader.memos()).find((m) => m.id === id);
    return { memo, targetName: memo ? await describeTarget(reader, memo.target) : undefined };
  },
  plan({ memo, targetName }, { memoId: id }) {
    if (!memo) return err({ record: `memo ${id}`, field: 'id', message: 'the memo does not exist' });
    return ok({ summary: `Deleted the memo on ${targetName ?? `${memo.target.kind} ${memo.target.id}`}`, changes: { memos: [{ before: memo, after: null }] }, result: null });
  },
});

/** The memos on these targets, removed with them (the journal keeps them whole for undo). */
export function memosRemovedWith(memos: readonly Memo[], kind: MemoTargetKind, ids: ReadonlySet<string>): Array<RowChange<Memo>> {
  return memos.filter((m) => m.target.kind === kind && ids.has(m.target.id)).map((before) => ({ before, after: null }));
}

/**
 * Merging codes keeps their memos: each coder's memo on a merged code moves to the target, or is
 * appended to the coder's memo there under the merged code's name.
 */
export function memosFoldedInto(memos: readonly Memo[], sources: ReadonlyMap<string, string>, targetId: string, at: string): Array<RowChange<Memo>> {
  const rows: Array<RowChange<Memo>> = [];
  const onTarget = new Map(memos.filter((m) => m.target.kind === 'code' && m.target.id === targetId).map((m) => [m.coderId, m]));
  const written = new Map<string, Memo>();
  for (const memo of memos) {
    if (memo.target.kind !== 'code' || !sources.has(memo.target.id)) continue;
    rows.push({ before: memo, after: null });
    const current = written.get(memo.coderId) ?? onTarget.get(memo.coderId);
    const from = `From “${sources.get(memo.target.id)}”: ${memo.text}`;
    const target: MemoTarget = { kind: 'code', id: targetId };
    written.set(memo.coderId, current ? { ...current, text: `${current.text}\n\n${from}`, updatedAt: at } : { ...memo, id: memoId(target, memo.coderId), target, text: from, updatedAt: at });
  }
  for (const [coderId, after] of written) rows.push({ before: onTarget.get(coderId) ?? null, after });
  return rows;
}
