import type { ReactNode } from 'react';

import { Dialog } from './Dialog';

export interface Choice<K extends string> {
  key: K;
  label: string;
  /** A second line saying what the choice gives; the button is then described by it. */
  hint?: string;
}

interface Props<K extends string> {
  /** Prefix of the dialog's ids: `<id>-title`, `<id>-description`, `<id>-<key>`, `<id>-<key>-hint`. */
  id: string;
  title: string;
  description: string;
  /** The first is the default (primary, focused). */
  choices: ReadonlyArray<Choice<K>>;
  /** A line under the choices. */
  note?: ReactNode;
  onChoose: (key: K) => void;
  onCancel: () => void;
}

/** "Choose one and go": a dialog whose every choice is a button that starts the action at once. */
export function ChoiceDialog<K extends string>({ id, title, description, choices, note, onChoose, onCancel }: Props<K>) {
  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-description`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-description`}>{description}</p>
      <div className="choice-list">
        {choices.map(({ key, label, hint }, i) => (
          <button
            key={key}
            type="button"
            className={i === 0 ? 'primary' : undefined}
            autoFocus={i === 0}
            aria-labelledby={hint === undefined ? undefined : `${id}-${key}`}
            aria-describedby={hint === undefined ? undefined : `${id}-${key}-hint`}
            onClick={() => onChoose(key)}
          >
            {hint === undefined ? (
              label
            ) : (
              <>
                <span id={`${id}-${key}`}>{label}</span>
                <span id={`${id}-${key}-hint`} className="choice-hint">
                  {hint}
                </span>
              </>
            )}
          </button>
        ))}
      </div>
      {note !== undefined && <p className="panel-sub">{note}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
