import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';

import { SearchClient } from './search-client';

/** The window's search Worker, shared by the Search tab and the upkeep below (one index in memory). */
const SearchClientContext = createContext<SearchClient | null>(null);

/** The Search tab's client: the workspace's, so the index the upkeep built is the one searched. */
export function useSearchClient(): SearchClient {
  const shared = useContext(SearchClientContext);
  if (!shared) throw new Error('useSearchClient outside SearchIndexUpkeep');
  return shared;
}

/** How long the threads must stay unchanged before the index catches up (an import adds them in one go). */
const SETTLE_MS = 1000;
/**
 * When the project has just opened: a restored index takes back every post's text, a read as long
 * as the project, so it waits for the first thread to be on screen and the window to be idle. A
 * search asked for sooner prepares the index itself.
 */
const AFTER_OPEN_MS = 4000;
const IDLE_WITHIN_MS = 10_000;

interface Props {
  dbName: string;
  /** The project record's id; undefined while it loads. */
  projectId: string | undefined;
  /** Changes whenever a thread is added, removed or grows: ids and post counts. */
  threadsKey: string;
  /** Off in a blind package, which has no Search tab. */
  enabled: boolean;
  children: ReactNode;
}

/**
 * Keeps the project's search index current in the background, in the Worker: built when the project
 * opens (or loaded from its cache) and brought up to date a second after each import or thread
 * deletion, so a search never waits for posts imported earlier.
 */
export function SearchIndexUpkeep({ dbName, projectId, threadsKey, enabled, children }: Props) {
  const client = useMemo(() => new SearchClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  const prepared = useRef(false);
  useEffect(() => {
    if (!enabled || projectId === undefined) return;
    const controller = new AbortController();
    const prepare = () => {
      prepared.current = true;
      void client.prepare({ dbName, projectId }, () => {}, controller.signal);
    };
    let idle: number | null = null;
    const timer = prepared.current
      ? setTimeout(prepare, SETTLE_MS)
      : setTimeout(() => {
          if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(prepare, { timeout: IDLE_WITHIN_MS });
          else prepare();
        }, AFTER_OPEN_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
      controller.abort();
    };
  }, [client, dbName, projectId, threadsKey, enabled]);
  return <SearchClientContext.Provider value={client}>{children}</SearchClientContext.Provider>;
}
