import { useState } from 'react';

import { formatAttributeValue } from '@shared/analysis/attributes/attribute-value';
import type { AttributeType } from '@shared/model/records';

interface Props {
  value: string | number | undefined;
  type: AttributeType;
  /** "Stance of ana": the field's accessible name. */
  label: string;
  row: number;
  column: number;
  /**
   * Resolves with the refusal to show, or null when stored. `base`: the value when typing began
   * (null: none); a value changed since in another window is refused, and the draft stays.
   */
  onCommit: (text: string, base: string | number | null) => Promise<string | null>;
}

/** Moves focus to the editable cell at (row, column) of the same table, if there is one. */
function focusCell(from: HTMLElement, row: number, column: number): void {
  from.closest('table')?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-column="${column}"]`)?.focus();
}

/**
 * One editable value: type and press Enter (or leave the field) to store it, Escape to go back to
 * the stored value; Arrow Up/Down (and Enter) move to the same attribute of the case above/below.
 */
export function AttributeCell({ value, type, label, row, column, onCommit }: Props) {
  const stored = formatAttributeValue(value);
  const [draft, setDraft] = useState<string | null>(null);
  const [base, setBase] = useState<string | number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? stored;
  const commit = async () => {
    if (draft === null || draft === stored) {
      setDraft(null);
      return;
    }
    const refusal = await onCommit(draft, base);
    setError(refusal);
    if (refusal === null) setDraft(null);
  };
  return (
    <input
      className="attribute-input"
      data-row={row}
      data-column={column}
      aria-label={label}
      aria-invalid={error !== null || undefined}
      title={error ?? undefined}
      inputMode={type === 'number' ? 'decimal' : undefined}
      placeholder={type === 'date' ? 'YYYY-MM-DD' : undefined}
      value={shown}
      onChange={(e) => {
        if (draft === null) setBase(value ?? null);
        setDraft(e.target.value);
      }}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setDraft(null);
          setError(null);
        } else if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          const target = e.currentTarget;
          const next = e.key === 'ArrowUp' ? row - 1 : row + 1;
          void commit().then(() => focusCell(target, next, column));
        } else return;
        e.preventDefault();
      }}
    />
  );
}
