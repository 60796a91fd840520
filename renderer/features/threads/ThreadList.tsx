import type { ThreadSummary } from '@shared/project/queries/workspace-reads';
import { formatPostTime } from './format-time';

interface Props {
  threads: readonly ThreadSummary[];
  selectedId: string | null;
  onSelect: (threadId: string) => void;
}

export function ThreadList({ threads, selectedId, onSelect }: Props) {
  return (
    <nav className="thread-list" aria-labelledby="threads-title">
      <h2 id="threads-title">Threads</h2>
      <ul>
        {threads.map((thread) => (
          <li key={thread.id}>
            <button
              type="button"
              aria-current={thread.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(thread.id)}
            >
              <span className="thread-title">{thread.title}</span>
              <span className="thread-meta">
                {thread.platform} · {thread.postCount.toLocaleString('en')} {thread.postCount === 1 ? 'post' : 'posts'} · {formatPostTime(thread.startedAt ?? thread.importedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
