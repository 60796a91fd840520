/**
 * A deleted post's words never leave the project in a bundle. The journal keeps the post whole in
 * the deletion's entry (and the quotes of its codings and relations in earlier entries) so that
 * undo works while the project is open; when a bundle is written, every journal copy of a post
 * that is now a tombstone is blanked like the tombstone, the quotes on it emptied, the title of a
 * thread it opened replaced and the entry's summary (which may quote it) reworded. Undoing the
 * deletion from such a bundle is then refused by the core's checks (the codings no longer fit an
 * empty text), never half-done.
 */
import type { Coding, Post, Relation, RelationEnd, Thread } from '../model/records';
import type { JournalChange, JournalEntry } from '../project/journal-entry';

/** The title of a thread whose opening post was deleted on its platform (titles are often its words). */
export const DELETED_THREAD_TITLE = '[deleted on platform]';

const blankPost = (p: Post): Post => ({ ...p, author: '', text: '', url: null, meta: {} });
const blankEnd = (end: RelationEnd, gone: ReadonlySet<string>): RelationEnd => (gone.has(end.postId) && end.quote !== undefined ? { ...end, quote: '' } : end);

function redactRecord(change: JournalChange, record: JournalChange['before'], gone: ReadonlySet<string>): JournalChange['before'] {
  if (record === null) return null;
  switch (change.table) {
    case 'posts':
      return gone.has(record.id) ? blankPost(record as Post) : record;
    case 'threads':
      return gone.has((record as Thread).rootPostId) ? { ...(record as Thread), title: DELETED_THREAD_TITLE } : record;
    case 'codings':
      return gone.has((record as Coding).postId) ? { ...(record as Coding), quote: '' } : record;
    case 'relations': {
      const r = record as Relation;
      return gone.has(r.from.postId) || gone.has(r.to.postId) ? { ...r, from: blankEnd(r.from, gone), to: blankEnd(r.to, gone) } : record;
    }
    default:
      return record;
  }
}

/** The journal with every copy of a now-deleted post's words blanked; entries without any are kept as they are. */
export function redactDeletedPosts(journal: readonly JournalEntry[], posts: readonly Post[]): JournalEntry[] {
  const gone = new Set(posts.filter((p) => p.deletedOnPlatform !== undefined).map((p) => p.id));
  if (gone.size === 0) return [...journal];
  return journal.map((entry) => {
    let touched = false;
    const changes = entry.changes.map((change) => {
      const before = redactRecord(change, change.before, gone);
      const after = redactRecord(change, change.after, gone);
      if (before === change.before && after === change.after) return change;
      touched = true;
      return { ...change, before, after };
    });
    if (!touched) return entry;
    // Summaries quote excerpts ("Coded “…” as …"): the deletion's own says only counts.
    const summary = entry.operation === 'platform.deletions' ? entry.summary : `${entry.operation}: wording removed (it quoted a post since deleted on its platform)`;
    return { ...entry, summary, changes };
  });
}
