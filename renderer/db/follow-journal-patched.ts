/**
 * A value read once from the project and then kept current from the journal instead of re-read
 * after every change (issue 15: a live query re-reads whole after each coding). The value is read
 * with the journal's last seq in one transaction; each entry the store tells then patches it when
 * its seq is exactly the next one. An entry out of sequence means one was missed, and a patch that
 * cannot tell (null) means the stored word differs: both read again. Entries told while a read is on
 * its way wait for it and are applied after it, in order: so one read at most is out, and none can
 * land after a newer one.
 */
import type { JournalEntry } from '@shared/project/journal-entry';
import type { ProjectReader, ProjectStore } from '@shared/project/project-store';

/**
 * Follows `read`'s value in `store`: `onChange` after each read (`entry` null) and after each entry
 * whose patch changed it (`entry` that entry; a patch returning the same value is no change);
 * `onError` if a read fails. Returns the way to stop.
 */
export function followJournalPatched<T>(
  store: Pick<ProjectStore, 'read' | 'subscribe'>,
  read: (reader: ProjectReader) => Promise<T>,
  /** `value` after `entry`: the same value when it changed nothing, null when it must be read again. */
  patch: (value: T, entry: JournalEntry) => T | null,
  onChange: (value: T, entry: JournalEntry | null) => void,
  onError: (error: unknown) => void,
): () => void {
  let live = true;
  /** As of journal entry `seq`; null while a read is on its way. */
  let current: { seq: number; value: T } | null = null;
  let queued: JournalEntry[] = [];
  const take = (entry: JournalEntry): void => {
    if (!current) {
      queued.push(entry);
      return;
    }
    if (entry.seq <= current.seq) return;
    // An entry not seen yet lies between: what it did is unknown here, so read again.
    const value = entry.seq === current.seq + 1 ? patch(current.value, entry) : null;
    if (value === null) return reread();
    current = { seq: entry.seq, value };
  };
  const reread = (): void => {
    current = null;
    // The value and the seq it is as of, in one transaction.
    store.read(async (r) => ({ seq: await r.lastSeq(), value: await read(r) })).then(
      (snapshot) => {
        if (!live) return;
        current = snapshot;
        const waiting = queued;
        queued = [];
        for (const entry of waiting) take(entry);
        if (current) onChange(current.value, null);
      },
      (error: unknown) => {
        if (live) onError(error);
      },
    );
  };
  // Subscribed before the first read, so no entry between the two is lost.
  const unsubscribe = store.subscribe((entry) => {
    if (!live) return;
    const before = current;
    take(entry);
    // Told only when a value was there before (else the read's onChange tells) and the patch changed it.
    if (before && current && current.value !== before.value) onChange(current.value, entry);
  });
  reread();
  return () => {
    live = false;
    unsubscribe();
  };
}
