import { useEffect, useState } from 'react';

import type { Code } from '@shared/model/records';
import { codingsUnderCode } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { storeOf } from '../../db/project-store';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';

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
    <ConfirmDialog
      title={<>Delete the code “{code.name}”?</>}
      description={consequence}
      confirmLabel={`Delete code${count ? ` and ${count} ${count === 1 ? 'coding' : 'codings'}` : ''}`}
      confirmDisabled={count === null}
      onConfirm={async () => {
        await onConfirm();
        return undefined;
      }}
      onCancel={onCancel}
    />
  );
}
