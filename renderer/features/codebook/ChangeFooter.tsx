/**
 * The foot of every dialog that changes the codebook: what the change will do (read out as it
 * updates), then Cancel and the confirming button.
 */
interface Props {
  /** The preview's element id, for the dialog's aria-describedby. */
  previewId: string;
  preview: string;
  /** The preview is a refusal: shown as an error. */
  refused: boolean;
  confirmLabel: string;
  canConfirm: boolean;
  onCancel: () => void;
}

export function ChangeFooter({ previewId, preview, refused, confirmLabel, canConfirm, onCancel }: Props) {
  return (
    <>
      <p id={previewId} className={refused ? 'change-preview field-error' : 'change-preview'} aria-live="polite">
        {preview}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!canConfirm}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}
