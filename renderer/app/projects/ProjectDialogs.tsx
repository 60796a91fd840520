import { useId, useState } from 'react';

import type { Problem } from '@shared/problem/problem';
import { MAX_PROJECT_NAME } from '@shared/project/operations/project';

import type { ProjectEntry } from '../../db/registry/registry-db';
import { Dialog } from '../ui/Dialog';
import { countsText } from './project-text';

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

interface NameProps {
  title: string;
  initialName?: string;
  confirmLabel: string;
  /** Resolves with the reason when the name is refused; the dialog stays open and says it. */
  onSubmit: (name: string) => Promise<Problem | undefined>;
  onCancel: () => void;
}

/** Asks for a project's name: New project…, Rename…. */
export function ProjectNameDialog({ title, initialName = '', confirmLabel, onSubmit, onCancel }: NameProps) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unchanged = initialName !== '' && name.trim() === initialName;
  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      onCancel={onCancel}
      onSubmit={(event) => {
        event.preventDefault();
        if (unchanged) return onCancel();
        setBusy(true);
        void onSubmit(name).then((problem) => {
          if (!problem) return;
          setError(capitalized(problem.message));
          setBusy(false);
        });
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <label htmlFor={`${id}-name`}>Project name</label>
      <input
        id={`${id}-name`}
        value={name}
        autoFocus
        required
        maxLength={MAX_PROJECT_NAME}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setName(e.target.value);
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
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

interface DeleteProps {
  entry: ProjectEntry;
  onConfirm: () => Promise<Problem | undefined>;
  onCancel: () => void;
}

/** Names the project and what goes with it before its database is deleted. */
export function DeleteProjectDialog({ entry, onConfirm, onCancel }: DeleteProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what = entry.counts ? `Its ${countsText(entry.counts)} are` : 'Everything in it is';
  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-desc`} role="alertdialog" onCancel={onCancel}>
      <h2 id={`${id}-title`}>Delete the project “{entry.name}”?</h2>
      <p id={`${id}-desc`}>
        {what} deleted, with the project’s history. This cannot be undone: export a project bundle first if you may need it
        again.
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onCancel}>
          Keep it
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().then((problem) => {
              if (!problem) return;
              setError(capitalized(problem.message));
              setBusy(false);
            });
          }}
        >
          Delete “{entry.name}”
        </button>
      </div>
    </Dialog>
  );
}
