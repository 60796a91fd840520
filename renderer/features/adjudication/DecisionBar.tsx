import { Fragment, type RefObject } from 'react';

import { type Command, KEY_LEGEND, MAX_CODER_KEYS } from './adjudication-model';
import type { Disagreement } from './core-contract';
import { Isolated } from '../../app/ui/Isolated';

interface Props {
  d: Disagreement;
  /** Waiting for a selected span (A adjust, D add) to be confirmed with Enter. */
  pending: 'adjust' | 'add' | null;
  memo: string;
  onMemoChange: (memo: string) => void;
  memoRef: RefObject<HTMLTextAreaElement | null>;
  /** The memo differs from the decision's: saving it decides again with the same outcome. */
  memoChanged: boolean;
  onSaveMemo: () => void;
  /** The memo field is shown (opened with M or its button, or there is a memo). */
  memoOpen: boolean;
  onCommand: (command: Command) => void;
  busy: boolean;
}

/** The decision buttons, each with its key; the memo; what A or D waits for. */
export function DecisionBar({ d, pending, memo, onMemoChange, memoRef, memoChanged, onSaveMemo, memoOpen, onCommand, busy }: Props) {
  const decision = d.decision;
  const is = (outcome: string) => decision?.outcome === outcome;
  const proposed = decision?.proposed === true;
  return (
    <section className="decision-bar" aria-label="Decision">
      <div className="decision-buttons" role="group" aria-label="Decide">
        {d.coders.map((coder, i) => (
          <button
            key={coder.coderId}
            type="button"
            disabled={busy}
            aria-pressed={is('accept') && decision?.acceptedCoderIds.includes(coder.coderId)}
            aria-keyshortcuts={i < MAX_CODER_KEYS ? String(i + 1) : undefined}
            onClick={() => onCommand({ kind: 'accept', coderIndex: i })}
          >
            {i < MAX_CODER_KEYS ? <kbd aria-hidden="true">{i + 1}</kbd> : null} Accept <Isolated>{coder.coderName}</Isolated>
          </button>
        ))}
        <button type="button" disabled={busy} aria-pressed={is('both')} aria-keyshortcuts="B" onClick={() => onCommand({ kind: 'both' })}>
          <kbd aria-hidden="true">B</kbd> {d.coders.length > 2 ? 'All' : 'Both'}
        </button>
        <button type="button" disabled={busy} aria-pressed={is('none')} aria-keyshortcuts="N" onClick={() => onCommand({ kind: 'none' })}>
          <kbd aria-hidden="true">N</kbd> None
        </button>
        <button type="button" disabled={busy} aria-pressed={is('adjust') || pending === 'adjust'} aria-keyshortcuts="A" onClick={() => onCommand({ kind: 'adjust' })}>
          <kbd aria-hidden="true">A</kbd> Adjust span
        </button>
        <button type="button" disabled={busy} aria-pressed={is('add') || pending === 'add'} aria-keyshortcuts="D" onClick={() => onCommand({ kind: 'add' })}>
          <kbd aria-hidden="true">D</kbd> Add coding
        </button>
        {proposed || pending ? (
          <button type="button" className="primary" disabled={busy} aria-keyshortcuts="Enter" onClick={() => onCommand({ kind: 'confirm' })}>
            <kbd aria-hidden="true">Enter</kbd> {pending ? 'Confirm span' : 'Confirm proposal'}
          </button>
        ) : null}
      </div>
      {pending ? (
        <p className="decision-pending" role="note">
          {pending === 'adjust' ? 'Adjust the span' : 'Add a coding'}: select the text in any column of the post, then press Enter. Esc cancels.
        </p>
      ) : null}
      {memoOpen || memo !== '' ? (
        <div className="decision-memo">
          <label htmlFor="adjudication-memo">
            Memo <kbd aria-hidden="true">M</kbd>
          </label>
          <textarea
            id="adjudication-memo"
            ref={memoRef}
            rows={1}
            value={memo}
            aria-keyshortcuts="M"
            placeholder="Why this decision (saved with it)"
            onChange={(e) => onMemoChange(e.target.value)}
          />
          {memoChanged ? (
            <button type="button" disabled={busy} onClick={onSaveMemo}>
              Save memo
            </button>
          ) : null}
        </div>
      ) : (
        <div>
          <button type="button" className="link-button" aria-keyshortcuts="M" onClick={() => onCommand({ kind: 'memo' })}>
            Write a memo <kbd aria-hidden="true">M</kbd>
          </button>
        </div>
      )}
    </section>
  );
}

/** Every key of the view, always in sight (and in each button's aria-keyshortcuts). */
export function KeyLegend() {
  return (
    <section className="key-legend" aria-labelledby="adjudication-keys-title">
      <h3 id="adjudication-keys-title">Keys</h3>
      <p>
        {KEY_LEGEND.map((entry, i) => (
          <Fragment key={entry.keys}>
            <span className="key-legend-entry">
              <kbd>{entry.keys}</kbd> {entry.label}
            </span>
            {i < KEY_LEGEND.length - 1 ? ' · ' : ''}
          </Fragment>
        ))}
      </p>
    </section>
  );
}
