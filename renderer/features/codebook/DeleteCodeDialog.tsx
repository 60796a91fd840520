import { useEffect, useState } from 'react';

import type { Code } from '@shared/model/records';
import { codingsUnderCode } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { storeOf } from '../../db/project-store';
import { Dialog } from '../../app/ui/Dialog';

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
    void storeOf(db)
      .read((reader) => codingsUnderCode(reader, code.id))
      .then((n) => live && setCount(n));
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
    <Dialog labelledBy="delete-code-title" describedBy="delete-code-desc" role="alertdialog" onCancel={onCancel}>
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
    </Dialog>
  );
}
