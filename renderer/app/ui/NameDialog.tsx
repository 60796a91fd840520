import { type ReactNode, useId, useRef, useState } from 'react';

import { Dialog } from './Dialog';

interface Props {
  /** The dialog's heading, which names it. */
  title: ReactNode;
  /** A paragraph under the heading, which describes the dialog. */
  description?: ReactNode;
  /** The text field's label: "Project name", "Thread title". */
  label: string;
  confirmLabel: string;
  initialValue?: string;
  maxLength: number;
  placeholder?: string;
  /** Selects the field's text when it gets focus (a rename: typing replaces the old name). */
  selectOnFocus?: boolean;
  /** Moves focus back into the field when the value is refused. */
  refocusOnError?: boolean;
  /**
   * The confirm button stays enabled while the field is blank, so onSubmit says why a blank value
   * is refused; otherwise the button is disabled until there is something to submit.
   */
  submitBlank?: boolean;
  /**
   * Resolves with the sentence to show (role=alert) when the value is refused: the dialog stays
   * open and says it. Resolves with undefined when done: closing is the caller's.
   */
  onSubmit: (value: string) => Promise<string | undefined>;
  onCancel: () => void;
}

/** A form dialog that asks for one name: a labelled text field, its refusal, Cancel and confirm. */
export function NameDialog({
  title,
  description,
  label,
  confirmLabel,
  initialValue = '',
  maxLength,
  placeholder,
  selectOnFocus = false,
  refocusOnError = false,
  submitBlank = false,
  onSubmit,
  onCancel,
}: Props) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      describedBy={description === undefined ? undefined : `${id}-desc`}
      onCancel={onCancel}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        void onSubmit(value).then((message) => {
          if (message === undefined) return;
          setError(message);
          setBusy(false);
          if (refocusOnError) input.current?.focus();
        });
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {description === undefined ? null : <p id={`${id}-desc`}>{description}</p>}
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        ref={input}
        id={`${id}-input`}
        value={value}
        autoFocus
        required
        maxLength={maxLength}
        placeholder={placeholder}
        onFocus={selectOnFocus ? (e) => e.currentTarget.select() : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FormDialogActions
        error={error}
        errorId={`${id}-error`}
        confirmLabel={confirmLabel}
        confirmDisabled={busy || (!submitBlank && value.trim() === '')}
        onCancel={onCancel}
      />
    </Dialog>
  );
}

interface ActionsProps {
  /** The refusal to show above the buttons (role=alert), if any. */
  error: string | null;
  /** Its id, for the field's aria-describedby. */
  errorId?: string;
  confirmLabel: string;
  confirmDisabled?: boolean;
  onCancel: () => void;
}

/** The foot of a form dialog: the refusal, if any, then Cancel and the submit button. */
export function FormDialogActions({ error, errorId, confirmLabel, confirmDisabled = false, onCancel }: ActionsProps) {
  return (
    <>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={confirmDisabled}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}
