import './thread-list.css';

import { useState } from 'react';

import type { ThreadSummary } from '@shared/project/queries/workspace-reads';

import { MenuButton } from '../../app/ui/MenuButton';
import { formatPostTime } from './format-time';
import { DeleteThreadDialog, RenameThreadDialog } from './ThreadDialogs';
import { useThreadActions } from './use-thread-actions';

interface Props {
  threads: readonly ThreadSummary[];
  selectedId: string | null;
  onSelect: (threadId: string) => void;
}

type ThreadDialog = { kind: 'rename' | 'delete'; thread: ThreadSummary };

/** The project's threads; each has a menu (Rename thread…, Delete thread…), also F2 and Delete on the thread. */
export function ThreadList({ threads, selectedId, onSelect }: Props) {
  const actions = useThreadActions();
  const [dialog, setDialog] = useState<ThreadDialog | null>(null);
  const close = () => {
    const id = dialog?.thread.id;
    setDialog(null);
    // Back to the thread (or to the list's heading when it is gone).
    requestAnimationFrame(() => {
      const row = id ? document.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`) : null;
      (row ?? document.getElementById('threads-title'))?.focus();
    });
  };
  return (
    <nav className="thread-list" aria-labelledby="threads-title">
      <h2 id="threads-title" tabIndex={-1}>
        Threads
      </h2>
      <ul>
        {threads.map((thread) => (
          <li key={thread.id} className="thread-item">
            <button
              type="button"
              className="thread-choose"
              data-thread-id={thread.id}
              aria-current={thread.id === selectedId ? 'true' : undefined}
              aria-keyshortcuts="F2 Delete"
              onClick={() => onSelect(thread.id)}
              onKeyDown={(event) => {
                if (event.key === 'F2') setDialog({ kind: 'rename', thread });
                else if (event.key === 'Delete') setDialog({ kind: 'delete', thread });
                else return;
                event.preventDefault();
              }}
            >
              <span className="thread-title">{thread.title}</span>
              <span className="thread-meta">
                {thread.platform} · {thread.postCount.toLocaleString('en')} {thread.postCount === 1 ? 'post' : 'posts'} · {formatPostTime(thread.startedAt ?? thread.importedAt)}
              </span>
            </button>
            <MenuButton
              label="⋯"
              buttonName={`Actions for ${thread.title}`}
              menuLabel={`Actions for ${thread.title}`}
              className="thread-menu"
              items={[
                { key: 'rename', label: 'Rename thread…', keys: 'F2', keyshortcuts: 'F2', onSelect: () => setDialog({ kind: 'rename', thread }) },
                { key: 'delete', label: 'Delete thread…', keys: 'Del', keyshortcuts: 'Delete', onSelect: () => setDialog({ kind: 'delete', thread }) },
              ]}
            />
          </li>
        ))}
      </ul>
      {dialog?.kind === 'rename' ? <RenameThreadDialog thread={dialog.thread} onRename={(title) => actions.rename(dialog.thread, title)} onClose={close} /> : null}
      {dialog?.kind === 'delete' ? <DeleteThreadDialog thread={dialog.thread} onDelete={() => actions.remove(dialog.thread)} onClose={close} /> : null}
    </nav>
  );
}
