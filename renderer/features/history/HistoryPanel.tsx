import { useMemo, useState } from 'react';

import type { Coder } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';

import { useServices } from '../../app/services';
import { currentActor, storeOf } from '../../db/project-store';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { historyPage, isFiltering, NO_FILTER, rangeProblem, revertsByTarget, type HistoryFilter } from './history-filter';
import { revertFromHistory } from './revert-from-history';
import { useJournal } from './use-journal';
import './history.css';

/** Entries shown at first and added by each "Show more". */
export const HISTORY_PAGE = 200;

interface Props {
  /** The project's coders, offered in the coder filter. */
  coders: ReadonlyMap<string, Coder>;
}

/** The project journal, newest first, filterable; each entry can be reverted when nothing later depends on it. */
export function HistoryPanel({ coders }: Props) {
  const { db, tracker, clock, ids, announce } = useServices();
  const store = storeOf(db);
  const journal = useJournal(store);
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const [shown, setShown] = useState(HISTORY_PAGE);
  const [reverting, setReverting] = useState<string | null>(null);

  const all = journal.status === 'ready' ? journal.entries : null;
  const page = useMemo(() => (all ? historyPage(all, filter, shown) : null), [all, filter, shown]);
  const byId = useMemo(() => new Map((all ?? []).map((e) => [e.id, e])), [all]);
  const revertedBy = useMemo(() => revertsByTarget(all ?? []), [all]);

  // The project's coders, and anyone else who acted (the CLI acts without being a coder).
  const actors = useMemo(() => {
    const names = new Map([...coders.values()].map((c) => [c.id, c.name]));
    for (const e of all ?? []) if (!names.has(e.actorId)) names.set(e.actorId, e.actorName);
    return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [coders, all]);

  const changeFilter = (next: HistoryFilter) => {
    setFilter(next);
    setShown(HISTORY_PAGE);
  };

  const revert = async (entry: JournalEntry) => {
    setReverting(entry.id);
    try {
      const run = async () => {
        // No coder chosen: the core refuses and says so.
        const actor = (await currentActor(db)) ?? { id: '', name: '' };
        return revertFromHistory(store, entry, { clock, ids, actor });
      };
      const outcome = await tracker.track('revert', run());
      announce(outcome.message, outcome.ok ? 'info' : 'error');
    } catch (error) {
      announce(`Not reverted: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setReverting(null);
    }
  };

  const problem = rangeProblem(filter);
  return (
    <section className="history-view" aria-labelledby="history-heading">
      <div className="history-head">
        <h2 id="history-heading">History</h2>
        <p className="panel-sub">Every change to this project, newest first. Revert undoes one change, unless something done later depends on it.</p>
        <HistoryFilters filter={filter} onChange={changeFilter} actors={actors} />
        {problem ? <p className="field-error">{problem}</p> : null}
      </div>
      {journal.status === 'loading' ? (
        <p className="empty">Loading the history…</p>
      ) : journal.status === 'failed' ? (
        <p className="empty" role="alert">
          The history could not be read: {journal.message}
        </p>
      ) : page === null || page.entries.length === 0 ? (
        <p className="empty">{isFiltering(filter) ? 'No change matches these filters.' : 'Nothing has been changed in this project yet.'}</p>
      ) : (
        <div className="history-scroll" role="region" aria-label="Changes" tabIndex={0}>
          <HistoryTable entries={page.entries} byId={byId} revertedBy={revertedBy} reverting={reverting} onRevert={(entry) => void revert(entry)} />
          {page.total > page.entries.length ? (
            <p className="history-more">
              {`Showing the newest ${page.entries.length.toLocaleString()} of ${page.total.toLocaleString()} changes. `}
              <button type="button" onClick={() => setShown((n) => n + HISTORY_PAGE)}>
                Show {Math.min(HISTORY_PAGE, page.total - page.entries.length).toLocaleString()} more
              </button>
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
