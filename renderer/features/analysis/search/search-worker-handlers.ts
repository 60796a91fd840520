/**
 * What the search Worker answers (search.worker.ts serves these on its `self`; tests serve them over
 * a MessageChannel). Everything heavy stays on the Worker's side of the boundary: the Worker opens
 * the project database and the index cache itself, so a restore's request is two names and its
 * answer two fields. Progress is sent at most every PROGRESS_EVERY_MS: one message per thread (a
 * thousand at the scale bench's size) was a thousand tasks, and with the Search tab open a thousand
 * renders, on the window's thread while the index was being given back its texts.
 */
import type { RpcHandlers } from '@shared/rpc/rpc';
import { cancelSignalOf } from '@shared/util/cancelled';

import { openThreadmarkDB, storeOf } from '../../../db/project-store';
import { indexedDbIndexStore } from './index-store';
import type { SearchProtocol, SearchTarget } from './search-protocol';
import { type IndexProgress, SearchSession } from './search-session';

export const PROGRESS_EVERY_MS = 100;

/**
 * `send`, called for the first report, the last (done = total), and otherwise at most once every
 * `everyMs` by `now`: the counts a progress bar needs, not every step.
 */
export function throttledProgress(send: (p: IndexProgress) => void, everyMs: number, now: () => number): (p: IndexProgress) => void {
  let last = -Infinity;
  return (p) => {
    const at = now();
    if (p.done < p.total && at - last < everyMs) return;
    last = at;
    send(p);
  };
}

/** The handlers, one session (one index in memory) for the project last asked about. */
export function searchHandlers(now: () => number = () => performance.now()): RpcHandlers<SearchProtocol> {
  let current: { key: string; session: SearchSession } | null = null;
  const sessionFor = ({ dbName, projectId }: SearchTarget): SearchSession => {
    const key = `${dbName}\u0000${projectId}`;
    if (current?.key !== key) current = { key, session: new SearchSession(storeOf(openThreadmarkDB(dbName)), indexedDbIndexStore(dbName)) };
    return current.session;
  };
  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    prepare: (target, { progress }) => sessionFor(target).ensure(throttledProgress(progress, PROGRESS_EVERY_MS, now)),
    search: ({ request, ...target }, { signal }) => sessionFor(target).search(request, cancelSignalOf(signal), pause),
  };
}
