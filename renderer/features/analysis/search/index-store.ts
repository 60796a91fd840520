/**
 * The serialized search index of a project, kept in its own IndexedDB database
 * (`<project database>-search`, one record): a cache beside the project database, never part
 * of it, so it needs no migration, is not in bundles, and may be deleted at any time (it is then
 * rebuilt). Plain IndexedDB: one object store, one key.
 */
import type { SerializedSearchIndex } from '@shared/analysis/search/search-index';

import { searchCacheDbName } from '../../../db/project-store';

import type { IndexStore } from './search-session';

const STORE = 'index';
const KEY = 'current';


function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
  });
}

function run<T>(name: string, mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return open(name).then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = body(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error(`cannot write ${name}`));
        };
      }),
  );
}

export function indexedDbIndexStore(projectDbName: string): IndexStore {
  const name = searchCacheDbName(projectDbName);
  return {
    load: async () => (await run<SerializedSearchIndex | undefined>(name, 'readonly', (s) => s.get(KEY))) ?? null,
    save: async (index) => {
      await run(name, 'readwrite', (s) => s.put(index, KEY));
    },
  };
}
