import { type ReactNode, useId, useState } from 'react';

import { Dialog } from './Dialog';

interface Props {
  /** The question, which names the dialog: “Delete the project “Pilot”?”. */
  title: ReactNode;
  /** What goes with it, which describes the dialog. */
  description: ReactNode;
  /** The destructive button's label, naming what it does: “Delete “Pilot””. */
  confirmLabel: ReactNode;
  /** Disables the destructive button (e.g. until what it deletes is counted); it is also disabled while busy. */
  confirmDisabled?: boolean;
  /**
   * Resolves with the sentence to show (role=alert) when the work is refused: the dialog stays
   * open and says it. Resolves with undefined when done: closing is the caller's.
   */
  onConfirm: () => Promise<string | undefined>;
  onCancel: () => void;
}

/** An alertdialog before something is deleted: the question, what goes with it, “Keep it” (focused) or the danger button. */
export function ConfirmDialog({ title, description, confirmLabel, confirmDisabled = false, onConfirm, onCancel }: Props) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-desc`} role="alertdialog" onCancel={onCancel}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-desc`}>{description}</p>
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
          disabled={confirmDisabled || busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().then((message) => {
              if (message === undefined) return;
              setError(message);
              setBusy(false);
            });
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
