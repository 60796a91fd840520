import type { JournalEntry } from '@shared/project/journal-entry';

import { formatPostTime } from '../threads/format-time';
import { changeCounts, operationLabel, revertNote } from './describe-entry';
import { Isolated } from '../../app/ui/Isolated';

interface Props {
  entries: readonly JournalEntry[];
  /** Entries by id, to name what a revert reverted. */
  byId: ReadonlyMap<string, JournalEntry>;
  /** The latest entry reverting each reverted entry, by the reverted entry's id. */
  revertedBy: ReadonlyMap<string, JournalEntry>;
  /** The id of the entry whose revert is running, if any. */
  reverting: string | null;
  onRevert(entry: JournalEntry): void;
}

/** Journal entries as a table, in the order given (newest first), each with its Revert button. */
export function HistoryTable({ entries, byId, revertedBy, reverting, onRevert }: Props) {
  return (
    <table className="history-table">
      <caption className="visually-hidden">Changes to the project, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            <span aria-hidden="true">#</span>
            <span className="visually-hidden">Entry</span>
          </th>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Change</th>
          <th scope="col">Summary</th>
          <th scope="col">Records</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const label = operationLabel(entry);
          const target = entry.reverts === null ? undefined : byId.get(entry.reverts);
          const laterRevert = revertedBy.get(entry.id);
          const busy = reverting === entry.id;
          return (
            <tr key={entry.id} data-entry-id={entry.id}>
              <td className="num">{entry.seq}</td>
              <td className="nowrap">
                <time dateTime={entry.at} title={entry.at}>
                  {formatPostTime(entry.at)}
                </time>
              </td>
              <td>
                <Isolated>{entry.actorName}</Isolated>
              </td>
              <td className="nowrap">{label}</td>
              <td>
                {entry.summary}
                {entry.reverts !== null ? (
                  <span className="history-note">{revertNote(target)}</span>
                ) : null}
                {laterRevert ? <span className="history-note">{`${operationLabel(laterRevert)} by #${laterRevert.seq}`}</span> : null}
              </td>
              <td className="history-counts">{changeCounts(entry)}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Revert #${entry.seq}: ${label}`}
                  title={`Revert “${entry.summary}”`}
                  aria-disabled={reverting !== null ? true : undefined}
                  onClick={() => {
                    if (reverting === null) onRevert(entry);
                  }}
                >
                  {busy ? 'Reverting…' : 'Revert'}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
