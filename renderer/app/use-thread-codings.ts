/**
 * The open thread's codings, kept current from the journal instead of re-read after every change.
 * A live query re-reads all of a thread's codings after each coding: 40,000 of them in the largest
 * thread of a million-post project, which alone took longer than a frame (issue 15,
 * bench/scale-browser.mjs). Every change to a coding is journaled whole (its record before and
 * after), so the thread's codings are read once and then patched with each entry the project store
 * tells (this window's at once, other connections' as the journal grows); an entry out of sequence
 * means one was missed, and the thread is read again.
 */
import { useEffect, useState } from 'react';

import type { Coding } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';
import type { ProjectStore } from '@shared/project/project-store';
import { byPostThenPosition, codingsOfThreadInOrder } from '@shared/project/queries/workspace-reads';

import { followJournalPatched, storeOf, type ThreadmarkDB } from '../db/project-store';

export interface ThreadCodings {
  threadId: string | null;
  /** In codingsOfThreadInOrder's order. */
  codings: Coding[];
  /** When `codings` is `since.codings` patched: the posts whose codings differ (the rest are the same records). */
  since?: { codings: Coding[]; posts: ReadonlySet<string> };
}

/** The posts whose codings `entry` changed (before or after). */
export function postsTouched(entry: JournalEntry): Set<string> {
  const posts = new Set<string>();
  for (const change of entry.changes) {
    if (change.table !== 'codings') continue;
    if (change.before !== null) posts.add((change.before as Coding).postId);
    if (change.after !== null) posts.add((change.after as Coding).postId);
  }
  return posts;
}

/** Past this many codings added by one entry, sorting them in at once beats inserting each. */
const INSERT_ONE_BY_ONE = 64;

/** `codings` after `entry` (the same array when the entry touched none of this thread's codings). */
export function patchThreadCodings(codings: Coding[], entry: JournalEntry, threadId: string): Coding[] {
  const touched = entry.changes.filter((c) => c.table === 'codings');
  if (touched.length === 0) return codings;
  const added = touched.flatMap((c) => (c.after !== null && (c.after as Coding).threadId === threadId ? [c.after as Coding] : []));
  // A few changes (a coding): each record before is found by binary search (the order is total),
  // so the work is in the coded post, not in the thread's 40,000 codings.
  if (touched.length <= INSERT_ONE_BY_ONE) {
    let kept: Coding[] | null = null;
    let found = true;
    for (const change of touched) {
      const before = change.before as Coding | null;
      if (before === null || before.threadId !== threadId) continue;
      const list: Coding[] = kept ?? codings;
      const at = insertionPoint(list, before);
      // Not where its record before says: looked for by id below.
      if (list[at]?.id !== change.id) found = false;
      else (kept ??= codings.slice()).splice(at, 1);
    }
    if (found) {
      if (added.length === 0) return kept ?? codings;
      kept ??= codings.slice();
      for (const coding of added) kept.splice(insertionPoint(kept, coding), 0, coding);
      return kept;
    }
  }
  const ids = new Set(touched.map((c) => c.id));
  if (added.length === 0 && !codings.some((c) => ids.has(c.id))) return codings;
  const kept = codings.filter((c) => !ids.has(c.id));
  if (added.length > INSERT_ONE_BY_ONE) return [...kept, ...added].sort(byPostThenPosition);
  for (const coding of added) kept.splice(insertionPoint(kept, coding), 0, coding);
  return kept;
}

function insertionPoint(sorted: readonly Coding[], coding: Coding): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byPostThenPosition(sorted[mid]!, coding) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Follows `threadId`'s codings in `store`: `onChange` gets them after the first read and after each
 * entry that changed them; `onError` if a read fails. Returns the way to stop.
 */
export function followThreadCodings(
  store: ProjectStore,
  threadId: string | null,
  /** `posts`: when the change was one entry's patch, the posts it touched; null after a read. */
  onChange: (codings: Coding[], posts: ReadonlySet<string> | null) => void,
  onError: (error: unknown) => void,
): () => void {
  return followJournalPatched<Coding[]>(
    store,
    (r) => (threadId === null ? Promise.resolve([]) : codingsOfThreadInOrder(r, threadId)),
    (codings, entry) => (threadId === null ? codings : patchThreadCodings(codings, entry, threadId)),
    (codings, entry) => onChange(codings, entry ? postsTouched(entry) : null),
    onError,
  );
}

/** The thread's codings, tagged with the thread they are of (undefined until the first read). */
export function useThreadCodings(db: ThreadmarkDB, threadId: string | null): ThreadCodings | undefined {
  const [state, setState] = useState<ThreadCodings | undefined>(undefined);
  useEffect(
    () =>
      followThreadCodings(
        storeOf(db),
        threadId,
        // Batched updates chain: the `since` of the last one is relative to the one before it,
        // which a render that skipped it does not have, so it derives the whole thread again.
        (codings, posts) => setState((previous) => ({ threadId, codings, ...(posts && previous?.threadId === threadId ? { since: { codings: previous.codings, posts } } : {}) })),
        // As a live query does: the error reaches the view's error boundary.
        (error) =>
          setState(() => {
            throw error;
          }),
      ),
    [db, threadId],
  );
  return state;
}
