import { type ReactNode, useState } from 'react';

import { Dialog } from '../../app/ui/Dialog';

interface Props {
  /** The name of the coder who coded last, when switching coders. */
  initialName?: string;
  onSubmit: (name: string) => Promise<void>;
  onCancel?: () => void;
  /** Said under the question: where projects are stored when this browser profile has none. */
  note?: ReactNode;
}

/** Every coding records its coder, so the app asks who is coding before anything else. */
export function CoderNameDialog({ initialName = '', onSubmit, onCancel, note }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Enter a name: every coding records who made it.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit(trimmed);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    // Dialog: Escape cancels when switching coders, and Tab stays inside.
    <Dialog as="form" labelledBy="coder-dialog-title" onCancel={onCancel} onSubmit={(e) => void submit(e)}>
      <h1 id="coder-dialog-title">Who is coding?</h1>
      <p>
        Threadmark records a coder with every coding, so a team can compare coders later. Use the name you will use
        in this project.
      </p>
      {note ? <p className="dialog-note">{note}</p> : null}
      <label htmlFor="coder-name">Your name</label>
      <input
        id="coder-name"
        autoFocus
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? 'coder-name-error' : undefined}
      />
      {error ? (
        <p id="coder-name-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          Start coding
        </button>
      </div>
    </Dialog>
  );
}
