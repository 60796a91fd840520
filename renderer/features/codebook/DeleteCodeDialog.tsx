import { useEffect, useState } from 'react';

import type { Code } from '@shared/model/records';

import { useServices } from '../../app/services';
import { countCodingsOfCode } from '../../db/repositories/codes-repository';

interface Props {
  code: Code;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/** Says how many codings go with the code before anything is deleted. */
export function DeleteCodeDialog({ code, onConfirm, onCancel }: Props) {
  const { db } = useServices();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void countCodingsOfCode(db, code.id).then((n) => live && setCount(n));
    return () => {
      live = false;
    };
  }, [db, code.id]);
  const consequence =
    count === null
      ? 'Counting its codings…'
      : count === 0
        ? 'No codings use it.'
        : `${count} ${count === 1 ? 'coding goes' : 'codings go'} with it (with its sub-codes, by every coder).`;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="delete-code-title"
        aria-describedby="delete-code-desc"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2 id="delete-code-title">Delete the code “{code.name}”?</h2>
        <p id="delete-code-desc">{consequence}</p>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={onCancel}>
            Keep it
          </button>
          <button type="button" className="danger" disabled={count === null} onClick={() => void onConfirm()}>
            Delete code{count ? ` and ${count} ${count === 1 ? 'coding' : 'codings'}` : ''}
          </button>
        </div>
      </div>
    </div>
  );
}
