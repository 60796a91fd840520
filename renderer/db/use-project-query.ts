import { useLiveQuery } from 'dexie-react-hooks';

import type { ProjectReader } from '@shared/project/project-store';

import type { ThreadmarkDB } from './database';
import { dexieReader } from './dexie-project-store';

/**
 * A core query (shared/project/queries/, or the reader's own reads) kept live: it runs again
 * whenever a table it read changes, in this window or another. Undefined until the first answer,
 * or `initial` (an answer read just before, renderer/app/first-screen.ts) until then.
 * It reads without an explicit transaction: Dexie's live query tracks each read itself, and an
 * explicit transaction inside a live query can commit before the query's own promises settle.
 */
export function useProjectQuery<T>(db: ThreadmarkDB, query: (reader: ProjectReader) => Promise<T>, deps: readonly unknown[]): T | undefined;
export function useProjectQuery<T>(db: ThreadmarkDB, query: (reader: ProjectReader) => Promise<T>, deps: readonly unknown[], initial: T | undefined): T | undefined;
export function useProjectQuery<T>(db: ThreadmarkDB, query: (reader: ProjectReader) => Promise<T>, deps: readonly unknown[], initial?: T): T | undefined {
  // `query` changes with `deps`: the caller lists what it reads from its scope.
  return useLiveQuery(() => query(dexieReader(db)), [db, ...deps], initial);
}
