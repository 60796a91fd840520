import { useEffect, useId, useState } from 'react';

import type { Problem } from '@shared/problem/problem';
import type { ThreadSummary } from '@shared/project/queries/workspace-reads';
import type { Result } from '@shared/util/result';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { storeOf } from '../../db/project-store';

const sentence = (problem: Problem): string => `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}.`;
const plural = (n: number, noun: string): string => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

interface RenameProps {
  thread: ThreadSummary;
  onRename: (title: string) => Promise<Result<void, Problem>>;
  onClose: () => void;
}

export function RenameThreadDialog({ thread, onRename, onClose }: RenameProps) {
  const id = useId();
  const [title, setTitle] = useState(thread.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      onCancel={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onRename(title).then((result) => {
          if (result.ok) return onClose();
          setError(sentence(result.error));
          setBusy(false);
        });
      }}
    >
      <h2 id={`${id}-title`}>Rename the thread “{thread.title}”</h2>
      <label htmlFor={`${id}-input`}>Thread title</label>
      <input
        id={`${id}-input`}
        value={title}
        autoFocus
        required
        maxLength={500}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || title.trim() === ''}>
          Rename
        </button>
      </div>
    </Dialog>
  );
}

interface DeleteProps {
  thread: ThreadSummary;
  onDelete: () => Promise<Result<void, Problem>>;
  onClose: () => void;
}

/** Names the thread and what goes with it (its posts, every coder's codings on them) before deleting. */
export function DeleteThreadDialog({ thread, onDelete, onClose }: DeleteProps) {
  const { db } = useServices();
  const id = useId();
  const [codings, setCodings] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void storeOf(db)
      .read((reader) => reader.codingsOfThread(thread.id))
      .then((list) => live && setCodings(list.length));
    return () => {
      live = false;
    };
  }, [db, thread.id]);
  const goes =
    codings === null
      ? 'Counting its codings…'
      : `Its ${plural(thread.postCount, 'post')} and ${codings === 0 ? 'no codings' : `${plural(codings, 'coding')} (by every coder)`} go with it. Ctrl+Z or History → Revert puts them back.`;
  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-desc`} role="alertdialog" onCancel={onClose}>
      <h2 id={`${id}-title`}>Delete the thread “{thread.title}”?</h2>
      <p id={`${id}-desc`}>{goes}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Keep it
        </button>
        <button
          type="button"
          className="danger"
          disabled={codings === null || busy}
          onClick={() => {
            setBusy(true);
            void onDelete().then((result) => {
              if (result.ok) return onClose();
              setError(sentence(result.error));
              setBusy(false);
            });
          }}
        >
          Delete thread{codings ? ` and ${plural(codings, 'coding')}` : ''}
        </button>
      </div>
    </Dialog>
  );
}
