import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';

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
  useEffect(() => {
    if (!enabled || projectId === undefined) return;
    const controller = new AbortController();
    const timer = setTimeout(() => void client.prepare({ dbName, projectId }, () => {}, controller.signal), SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, dbName, projectId, threadsKey, enabled]);
  return <SearchClientContext.Provider value={client}>{children}</SearchClientContext.Provider>;
}
