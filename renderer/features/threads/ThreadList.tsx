import './thread-list.css';

import { memo, useMemo, useState } from 'react';

import type { ThreadEntry, ThreadSummary } from '@shared/project/queries/workspace-reads';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';
import { MenuButton } from '../../app/ui/MenuButton';
import { formatPostTime } from './format-time';
import { MemoDialog } from '../analysis/memos/MemoDialog';
import { DeleteThreadDialog, RenameThreadDialog } from './ThreadDialogs';
import {
  arrangeThreads,
  FIRST_SCREEN_THREADS,
  NEXT_THREADS_PER_FRAME,
  firstRows,
  codedShare,
  platformsOf,
  readThreadListOptions,
  THREAD_SORTS,
  threadListStorageKey,
  type ThreadListOptions,
  type ThreadSort,
} from './thread-list-model';
import { useRowsInSteps } from './use-rows-in-steps';
import { useThreadActions } from './use-thread-actions';
import { Isolated } from '../../app/ui/Isolated';

interface Props {
  threads: readonly ThreadEntry[];
  selectedId: string | null;
  onSelect: (threadId: string) => void;
}

type ThreadDialog = { kind: 'rename' | 'delete' | 'memo'; thread: ThreadEntry };
const NO_CODED: ReadonlyMap<string, number> = new Map();

/**
 * The project's threads, searched by title, sorted, filtered by platform and grouped by it (the
 * choices remembered per project; the search is not); each thread has a menu (Rename thread…,
 * Delete thread…), also F2 and Delete on the thread.
 */
export const ThreadList = memo(function ThreadList({ threads: entries, selectedId, onSelect }: Props) {
  const actions = useThreadActions();
  const { db } = useServices();
  const [dialog, setDialog] = useState<ThreadDialog | null>(null);
  const [options, setOptions] = useListOptions(db.name);
  // Coded posts are counted over every coding: only while the list is sorted by them, so opening a
  // project or coding a post never waits for that count (bench/scale-browser.mjs).
  const byCoded = options.sort === 'coded';
  const coded = useProjectQuery(db, (reader) => (byCoded ? reader.codedPostCounts() : Promise.resolve(NO_CODED)), [byCoded]) ?? NO_CODED;
  const threads = useMemo<ThreadSummary[]>(() => entries.map((t) => ({ ...t, codedPostCount: coded.get(t.id) ?? 0 })), [entries, coded]);
  const platforms = useMemo(() => platformsOf(threads), [threads]);
  // A remembered platform no longer present shows all.
  const platform = options.platform !== null && platforms.includes(options.platform) ? options.platform : null;
  const arranged = useMemo(() => arrangeThreads(threads, { ...options, platform }), [threads, options, platform]);
  const shown = arranged.reduce((n, g) => n + g.threads.length, 0);
  const limit = useRowsInSteps(shown, FIRST_SCREEN_THREADS, NEXT_THREADS_PER_FRAME);
  const groups = useMemo(() => (limit >= shown ? arranged : firstRows(arranged, limit)), [arranged, limit, shown]);
  const close = () => {
    const id = dialog?.thread.id;
    setDialog(null);
    // Back to the thread (or to the list's heading when it is gone).
    requestAnimationFrame(() => {
      const row = id ? document.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`) : null;
      (row ?? document.getElementById('threads-title'))?.focus();
    });
  };
  const row = (thread: ThreadSummary) => (
    <ThreadRow key={thread.id} thread={thread} selected={thread.id === selectedId} showCoded={byCoded} onSelect={onSelect} onDialog={setDialog} />
  );
  return (
    <nav className="thread-list" aria-labelledby="threads-title">
      <h2 id="threads-title" tabIndex={-1}>
        Threads
      </h2>
      {/* Finding a thread starts to matter with the second one; until then the list stays short. */}
      {threads.length < 2 ? null : (
      <div className="thread-list-controls" role="search" aria-label="Find threads">
        <label htmlFor="thread-search" className="visually-hidden">
          Search titles
        </label>
        <input id="thread-search" type="search" placeholder="Search titles" value={options.query} onChange={(e) => setOptions({ ...options, query: e.target.value })} />
        <div className="thread-list-selects">
          <div>
            <label htmlFor="thread-sort" className="visually-hidden">
              Sort
            </label>
            <select id="thread-sort" value={options.sort} onChange={(e) => setOptions({ ...options, sort: e.target.value as ThreadSort })}>
              {THREAD_SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="thread-platform" className="visually-hidden">
              Platform
            </label>
            <select id="thread-platform" value={platform ?? ''} onChange={(e) => setOptions({ ...options, platform: e.target.value === '' ? null : e.target.value })}>
              <option value="">All platforms</option>
              {platforms.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="thread-group-toggle">
          <input type="checkbox" checked={options.groupByPlatform} onChange={(e) => setOptions({ ...options, groupByPlatform: e.target.checked })} /> Group by
          platform
        </label>
      </div>
      )}
      {threads.length > 0 && shown === 0 ? (
        <p className="thread-list-empty" role="status">
          {options.query.trim() === '' ? 'No thread matches these choices.' : `No thread matches “${options.query.trim()}”`}
          {platform !== null ? ` on ${platform}` : ''}
        </p>
      ) : null}
      {groups.map((group) =>
        group.platform === null ? (
          <ul key="all">{group.threads.map(row)}</ul>
        ) : group.threads.length === 0 ? null : (
          <section key={group.platform} className="thread-group" aria-labelledby={`thread-group-${group.platform}`}>
            <h3 id={`thread-group-${group.platform}`}>{group.platform}</h3>
            <ul>{group.threads.map(row)}</ul>
          </section>
        ),
      )}
      {dialog?.kind === 'rename' ? <RenameThreadDialog thread={dialog.thread} onRename={(title) => actions.rename(dialog.thread, title)} onClose={close} /> : null}
      {dialog?.kind === 'delete' ? <DeleteThreadDialog thread={dialog.thread} onDelete={() => actions.remove(dialog.thread)} onClose={close} /> : null}
      {dialog?.kind === 'memo' ? <MemoDialog target={{ kind: 'thread', id: dialog.thread.id }} targetLabel={`the thread “${dialog.thread.title}”`} onClose={close} /> : null}
    </nav>
  );
});

interface RowProps {
  thread: ThreadSummary;
  selected: boolean;
  /** The coded share beside the count (the list sorted by it). */
  showCoded: boolean;
  onSelect: (threadId: string) => void;
  onDialog: (dialog: ThreadDialog) => void;
}

/** One thread: memoized, so choosing a thread re-renders two rows, not a thousand. */
const ThreadRow = memo(function ThreadRow({ thread, selected, showCoded, onSelect, onDialog }: RowProps) {
  return (
    <li className="thread-item">
      <button
        type="button"
        className="thread-choose"
        data-thread-id={thread.id}
        aria-current={selected ? 'true' : undefined}
        aria-keyshortcuts="F2 Delete"
        onClick={() => onSelect(thread.id)}
        onKeyDown={(event) => {
          if (event.key === 'F2') onDialog({ kind: 'rename', thread });
          else if (event.key === 'Delete') onDialog({ kind: 'delete', thread });
          else return;
          event.preventDefault();
        }}
      >
        <Isolated className="thread-title">{thread.title}</Isolated>
        <span className="thread-meta">
          {thread.platform} · {thread.postCount.toLocaleString('en')} {thread.postCount === 1 ? 'post' : 'posts'}
          {showCoded ? ` (${Math.round(codedShare(thread) * 100)}% coded)` : ''} · {formatPostTime(thread.startedAt ?? thread.importedAt)}
        </span>
      </button>
      <MenuButton
        label="⋯"
        buttonName={`Actions for ${thread.title}`}
        menuLabel={`Actions for ${thread.title}`}
        className="thread-menu"
        items={[
          { key: 'rename', label: 'Rename thread…', keys: 'F2', keyshortcuts: 'F2', onSelect: () => onDialog({ kind: 'rename', thread }) },
          { key: 'delete', label: 'Delete thread…', keys: 'Del', keyshortcuts: 'Delete', onSelect: () => onDialog({ kind: 'delete', thread }) },
          { key: 'memo', label: 'Memo on this thread…', onSelect: () => onDialog({ kind: 'memo', thread }), startsGroup: true },
        ]}
      />
    </li>
  );
});

/** The list's options, remembered per project in this window's localStorage (all but the search). */
function useListOptions(project: string): [ThreadListOptions, (next: ThreadListOptions) => void] {
  const key = threadListStorageKey(project);
  const [state, setState] = useState(() => ({ key, options: readThreadListOptions(safeStorage()?.getItem(key) ?? null) }));
  const options = state.key === key ? state.options : readThreadListOptions(safeStorage()?.getItem(key) ?? null);
  const set = (next: ThreadListOptions): void => {
    setState({ key, options: next });
    const { query: _query, ...kept } = next;
    try {
      safeStorage()?.setItem(key, JSON.stringify(kept));
    } catch {
      // Storage full or refused: the choice still holds for this session.
    }
  };
  return [options, set];
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
