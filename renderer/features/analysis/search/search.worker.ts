/// <reference lib="webworker" />
/**
 * The Search tab's Worker: holds the project's index (search-session.ts), built or brought up to
 * date here from the project database it opens itself, and answers searches off the UI thread.
 * A search pauses every few thousand checked posts so a Cancel can reach it.
 */
import { serveWorker } from '@shared/rpc/rpc';
import { cancelSignalOf } from '@shared/util/cancelled';

import { openThreadmarkDB, storeOf } from '../../../db/project-store';
import { indexedDbIndexStore } from './index-store';
import type { SearchProtocol, SearchTarget } from './search-protocol';
import { SearchSession } from './search-session';

let current: { key: string; session: SearchSession } | null = null;

function sessionFor({ dbName, projectId }: SearchTarget): SearchSession {
  const key = `${dbName}\u0000${projectId}`;
  if (current?.key !== key) current = { key, session: new SearchSession(storeOf(openThreadmarkDB(dbName)), indexedDbIndexStore(dbName)) };
  return current.session;
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

serveWorker<SearchProtocol>(self, {
  prepare: (target, { progress }) => sessionFor(target).ensure(progress),
  search: ({ request, ...target }, { signal }) => sessionFor(target).search(request, cancelSignalOf(signal), pause),
});
