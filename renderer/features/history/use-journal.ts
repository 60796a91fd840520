import { useEffect, useState } from 'react';

import type { JournalEntry } from '@shared/project/journal-entry';
import type { ProjectStore } from '@shared/project/project-store';

/** `entries` (seq ascending) with `added` joined in: each entry once, by id, in seq order. */
export function withEntries(entries: readonly JournalEntry[], added: readonly JournalEntry[]): JournalEntry[] {
  const known = new Set(entries.map((e) => e.id));
  const fresh: JournalEntry[] = [];
  for (const e of added) {
    if (known.has(e.id)) continue;
    known.add(e.id);
    fresh.push(e);
  }
  if (fresh.length === 0) return [...entries];
  // Nearly always already in order (new entries come last): the sort then only checks it.
  return [...entries, ...fresh].sort((a, b) => a.seq - b.seq);
}

export type JournalState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; entries: readonly JournalEntry[] };

/**
 * The whole journal, seq ascending, kept up to date: read once through the store, then each entry
 * the store applies is joined in as the store tells it (no re-read).
 */
export function useJournal(store: ProjectStore): JournalState {
  const [state, setState] = useState<JournalState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    // Entries applied while the first read runs, joined in once it is done.
    let early: JournalEntry[] | null = [];
    const unsubscribe = store.subscribe((entry) => {
      if (early) early.push(entry);
      else setState((s) => (s.status === 'ready' ? { status: 'ready', entries: withEntries(s.entries, [entry]) } : s));
    });
    store
      .read((reader) => reader.journal())
      .then((all) => {
        const pending = early ?? [];
        early = null;
        if (live) setState({ status: 'ready', entries: withEntries(all, pending) });
      })
      .catch((error: unknown) => {
        if (live) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [store]);
  return state;
}
