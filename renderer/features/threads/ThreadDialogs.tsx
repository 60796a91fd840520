import { useEffect, useState } from 'react';

import type { Problem } from '@shared/problem/problem';
import type { ThreadEntry } from '@shared/project/queries/workspace-reads';
import type { Result } from '@shared/util/result';

import { useServices } from '../../app/services';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { NameDialog } from '../../app/ui/NameDialog';
import { storeOf } from '../../db/project-store';

const sentence = (problem: Problem): string => `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}.`;
const plural = (n: number, noun: string): string => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

interface RenameProps {
  thread: ThreadEntry;
  onRename: (title: string) => Promise<Result<void, Problem>>;
  onClose: () => void;
}

export function RenameThreadDialog({ thread, onRename, onClose }: RenameProps) {
  return (
    <NameDialog
      title={`Rename the thread “${thread.title}”`}
      label="Thread title"
      confirmLabel="Rename"
      initialValue={thread.title}
      maxLength={500}
      selectOnFocus
      onCancel={onClose}
      onSubmit={async (title) => {
        const result = await onRename(title);
        if (!result.ok) return sentence(result.error);
        onClose();
        return undefined;
      }}
    />
  );
}

interface DeleteProps {
  thread: ThreadEntry;
  onDelete: () => Promise<Result<void, Problem>>;
  onClose: () => void;
}

/** Names the thread and what goes with it (its posts, every coder's codings on them) before deleting. */
export function DeleteThreadDialog({ thread, onDelete, onClose }: DeleteProps) {
  const { db } = useServices();
  const [codings, setCodings] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void storeOf(db)
      .read((reader) => reader.codingsOfThread(thread.id))
      .then((list) => live && setCodings(list.length));
    return () => {
      live = false;
    };
  }, [db, thread.id]);
  const goes =
    codings === null
      ? 'Counting its codings…'
      : `Its ${plural(thread.postCount, 'post')} and ${codings === 0 ? 'no codings' : `${plural(codings, 'coding')} (by every coder)`} go with it. Ctrl+Z or History → Revert puts them back.`;
  return (
    <ConfirmDialog
      title={`Delete the thread “${thread.title}”?`}
      description={goes}
      confirmLabel={`Delete thread${codings ? ` and ${plural(codings, 'coding')}` : ''}`}
      confirmDisabled={codings === null}
      onCancel={onClose}
      onConfirm={async () => {
        const result = await onDelete();
        if (!result.ok) return sentence(result.error);
        onClose();
        return undefined;
      }}
    />
  );
}
