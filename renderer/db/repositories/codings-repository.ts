import type { Coding } from '@shared/model/records';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';
import type { Clock, IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from '../database';
import { getPost, postTables } from '../post-store';
import { byPosition, compareStrings } from '../ordering';

import { dropExemplars } from './exemplars-repository';

export type NewCoding = Omit<Coding, 'id' | 'createdAt' | 'updatedAt' | 'quote' | 'threadId'>;

const isOffset = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * Stores a coding after checking it against the stored post, code and coder. Offsets are code
 * points, end exclusive; `quote` and `threadId` are derived here so they can never disagree with
 * the post.
 */
export async function addCoding(
  db: ThreadmarkDB,
  input: NewCoding,
  deps: { clock: Clock; ids: IdSource },
): Promise<Coding> {
  const { postId, codeId, coderId, start, end, memo } = input;
  if (!isOffset(start) || !isOffset(end) || start >= end) {
    throw new Error(`Cannot code post ${postId}: invalid range ${start}–${end} (need 0 ≤ start < end).`);
  }
  return db.transaction('rw', [...postTables(db), db.codes, db.coders, db.codings], async () => {
    const [post, code, coder] = await Promise.all([
      getPost(db, postId),
      db.codes.get(codeId),
      db.coders.get(coderId),
    ]);
    if (!post) throw new Error(`Cannot code: post ${postId} does not exist.`);
    if (!code) throw new Error(`Cannot code: code ${codeId} does not exist.`);
    if (!code.codable) throw new Error(`Cannot code with “${code.name}”: it is a category that only groups codes.`);
    if (!coder) throw new Error(`Cannot code: coder ${coderId} does not exist.`);
    const length = codePointLength(post.text);
    if (end > length) {
      throw new Error(`Cannot code post ${postId}: range ${start}–${end} is past its end (${length}).`);
    }
    const now = deps.clock.now();
    const coding: Coding = {
      id: deps.ids.newId(),
      postId,
      threadId: post.threadId,
      codeId,
      coderId,
      start,
      end,
      quote: sliceCodePoints(post.text, start, end),
      memo,
      createdAt: now,
      updatedAt: now,
    };
    await db.codings.add(coding);
    return coding;
  });
}

/**
 * Deletes a coding and returns it (for undo); undefined when it was already gone. A coding that
 * was an exemplar of its code stops being one (check `exemplarCodingIds` first to restore it so).
 */
export async function removeCoding(db: ThreadmarkDB, id: string): Promise<Coding | undefined> {
  return db.transaction('rw', [db.codings, db.codes], async () => {
    const coding = await db.codings.get(id);
    if (coding) {
      await db.codings.delete(id);
      await dropExemplars(db, new Set([id]));
    }
    return coding;
  });
}

/**
 * Puts a coding back exactly as it was (undo of remove, redo of add), with `exemplar: true` also
 * as an exemplar of its code again. Refuses when its post, code or coder has gone meanwhile, so
 * undo never creates an orphan.
 */
export async function restoreCoding(db: ThreadmarkDB, coding: Coding, options: { exemplar?: boolean } = {}): Promise<void> {
  await db.transaction('rw', [...postTables(db), db.codes, db.coders, db.codings], async () => {
    const [post, code, coder] = await Promise.all([
      getPost(db, coding.postId),
      db.codes.get(coding.codeId),
      db.coders.get(coding.coderId),
    ]);
    if (!post) throw new Error(`Cannot restore coding ${coding.id}: post ${coding.postId} no longer exists.`);
    if (!code) throw new Error(`Cannot restore coding ${coding.id}: code ${coding.codeId} no longer exists.`);
    if (!coder) throw new Error(`Cannot restore coding ${coding.id}: coder ${coding.coderId} no longer exists.`);
    await db.codings.put(coding);
    if (options.exemplar && !code.exemplarCodingIds.includes(coding.id)) {
      await db.codes.put({ ...code, exemplarCodingIds: [...code.exemplarCodingIds, coding.id] });
    }
  });
}

/** Replaces a coding's memo; returns the previous memo (for undo) and the updated coding. */
export async function updateMemo(
  db: ThreadmarkDB,
  id: string,
  memo: string,
  clock: Clock,
): Promise<{ before: string; after: Coding }> {
  return db.transaction('rw', db.codings, async () => {
    const current = await db.codings.get(id);
    if (!current) throw new Error(`Cannot update memo: coding ${id} does not exist.`);
    if (current.memo === memo) return { before: memo, after: current };
    const after: Coding = { ...current, memo, updatedAt: clock.now() };
    await db.codings.put(after);
    return { before: current.memo, after };
  });
}

/** A thread's codings (one indexed equals query, as stack-notes §5(b) advises), by post then position. */
export async function codingsForThread(db: ThreadmarkDB, threadId: string): Promise<Coding[]> {
  const codings = await db.codings.where('threadId').equals(threadId).toArray();
  return codings.sort((a, b) => compareStrings(a.postId, b.postId) || byPosition(a, b));
}

/** A post's codings, by start, end, id. */
export async function codingsForPost(db: ThreadmarkDB, postId: string): Promise<Coding[]> {
  const codings = await db.codings.where('postId').equals(postId).toArray();
  return codings.sort(byPosition);
}
