/**
 * Revert a journal entry: every record it changed goes back to its record before, and every post it
 * added is removed. This is undo, redo (the revert of an undo) and the History panel's Revert.
 * Refused when a record has changed since the entry (its record now is not the entry's record
 * after), or when the project's rules would break (a later coding on an added post, a later
 * exemplar of an added coding): nothing later that depends on the entry is ever lost.
 */
import type { Post } from '../../model/records';
import { err, ok } from '../../util/result';
import type { ChangeSet, RowChange } from '../change-set';
import type { JournalChange, JournalEntry } from '../journal-entry';
import { defineOperation } from '../operation';
import type { ProjectReader } from '../project-store';
import { sameRecord } from '../same-record';
import type { AnyRecord, TableName } from '../tables';

export type RevertVerb = 'undo' | 'redo' | 'revert';

export interface RevertInput {
  entryId: string;
  verb: RevertVerb;
}

interface RevertSnapshot {
  entry: JournalEntry | undefined;
  /** The records the entry changed, as they are now (by table and id; absent: not stored). */
  current: Map<string, AnyRecord>;
  addedPosts: Map<string, Post>;
}

const key = (table: TableName, id: string): string => `${table}\u0000${id}`;

const VERB_TEXT: Record<RevertVerb, { done: string; cannot: string }> = {
  undo: { done: 'Undid', cannot: 'undone' },
  redo: { done: 'Redid', cannot: 'redone' },
  revert: { done: 'Reverted', cannot: 'reverted' },
};

export const revertEntry = defineOperation<RevertInput, RevertSnapshot, { reverted: JournalEntry }>({
  kind: 'revert',
  async read(reader, { entryId }) {
    const entry = await reader.journalEntry(entryId);
    const current = new Map<string, AnyRecord>();
    const addedPosts = new Map<string, Post>();
    if (!entry) return { entry, current, addedPosts };
    const byTable = new Map<TableName, string[]>();
    for (const change of entry.changes) {
      let ids = byTable.get(change.table);
      if (!ids) byTable.set(change.table, (ids = []));
      ids.push(change.id);
    }
    for (const [table, ids] of byTable) for (const record of await recordsNow(reader, table, ids)) current.set(key(table, record.id), record);
    const postIds = entry.addedPosts.flatMap((a) => a.postIds);
    if (postIds.length > 0) for (const [id, post] of await reader.posts(postIds)) addedPosts.set(id, post);
    return { entry, current, addedPosts };
  },
  plan({ entry, current, addedPosts }, { entryId, verb }) {
    const words = VERB_TEXT[verb];
    if (!entry) return err({ record: `journal entry ${entryId}`, message: 'no such entry in the journal' });
    const changes: ChangeSet = {};
    const push = (table: TableName, row: RowChange<AnyRecord>): void => {
      const rows = ((changes as Record<string, Array<RowChange<AnyRecord>>>)[table] ??= []);
      rows.push(row);
    };
    for (const change of [...entry.changes].reverse()) {
      const now = current.get(key(change.table, change.id)) ?? null;
      if (!sameContent(now, change.after)) return err(changedSince(change, now, entry, words.cannot));
      push(change.table, { before: now, after: change.before });
    }
    for (const { postIds } of entry.addedPosts) {
      for (const id of postIds) {
        const post = addedPosts.get(id);
        if (!post) return err({ record: `post ${id}`, message: `was removed since “${entry.summary}”, so it cannot be ${words.cannot}` });
        push('posts', { before: post, after: null });
      }
    }
    return ok({ summary: `${words.done}: ${undoRedoSubject(entry, verb)}`, changes: inParentOrder(changes), result: { reverted: entry }, reverts: entry.id });
  },
});

/**
 * The same record but for `updatedAt`: a redo writes the record the entry wrote, stamped anew, and
 * that must still count as the entry's record for a later undo.
 */
function sameContent(a: AnyRecord | null, b: AnyRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return sameRecord({ ...a, updatedAt: undefined }, { ...b, updatedAt: undefined });
}

/**
 * What an undo or redo is about, in the researcher's words: redoing an undo re-applies the original
 * change ("Redid: Coded …", not "Redid: Undid: Coded …"), and undoing a redo takes it back again.
 * A History revert says exactly which entry it reverts.
 */
function undoRedoSubject(entry: JournalEntry, verb: RevertVerb): string {
  if (verb === 'revert' || entry.reverts === null) return entry.summary;
  return entry.summary.replace(/^(?:Undid|Redid): /, '');
}

function changedSince(change: JournalChange, now: AnyRecord | null, entry: JournalEntry, cannot: string) {
  const what = change.table.replace(/s$/, '').replace('codebookVersion', 'codebook version');
  const how = now === null ? 'was removed' : change.after === null ? 'was added again' : 'changed';
  return { record: `${what} ${change.id}`, message: `${how} since “${entry.summary}”, so it cannot be ${cannot}` };
}

/** Reverting lists rows in reverse; removing posts before their thread and adding threads before their posts is the store's job by table order, so only row order within a table matters here. */
function inParentOrder(changes: ChangeSet): ChangeSet {
  const posts = changes.posts;
  // Re-added posts go back in the order they were removed (reading order), not reversed.
  if (posts) changes.posts = [...posts.filter((r) => r.after === null), ...posts.filter((r) => r.after !== null).reverse()];
  return changes;
}

async function recordsNow(reader: ProjectReader, table: TableName, ids: readonly string[]): Promise<AnyRecord[]> {
  const wanted = new Set(ids);
  const pick = <T extends { id: string }>(records: readonly T[]): T[] => records.filter((r) => wanted.has(r.id));
  switch (table) {
    case 'projects': {
      const project = await reader.project();
      return project ? pick([project]) : [];
    }
    case 'threads':
      return pick(await reader.threads());
    case 'posts':
      return [...(await reader.posts(ids)).values()];
    case 'codes':
      return pick(await reader.codes());
    case 'coders':
      return pick(await reader.coders());
    case 'codings':
      return [...(await reader.codingsByIds(ids)).values()];
    case 'codebookVersions':
      return pick(await reader.versions());
    case 'assignments':
      return pick(await reader.assignments());
    case 'rounds':
      return pick(await reader.rounds());
    case 'decisions':
      return pick(await reader.decisions());
    case 'memos':
      return pick(await reader.memos());
    case 'attributes':
      return pick(await reader.attributes());
    case 'attributeValues':
      return pick(await reader.attributeValues());
    case 'relationCodes':
      return pick(await reader.relationCodes());
    case 'relations':
      return pick(await reader.relations());
  }
}
