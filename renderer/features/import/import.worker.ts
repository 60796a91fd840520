/// <reference lib="webworker" />
/**
 * The import Worker: big files are read, parsed and assembled here, off the UI thread, and
 * written from here in one IndexedDB transaction (a Worker has IndexedDB; Dexie tells the
 * window's live queries about the new rows).
 */
import { randomIds, systemClock } from '@shared/util/clock';

import { openThreadmarkDB, type ThreadmarkDB } from '../../db/database';
import { locatePosts, storedPlatformIds, writeImport } from '../../db/import-writer';
import { fileSource } from './file-source';
import type { ImportEvent, ImportRequest } from './import-protocol';
import { ImportSession } from './import-session';

let db: ThreadmarkDB | null = null;
let session: ImportSession | null = null;

const emit = (event: ImportEvent): void => self.postMessage(event);

function newSession(database: ThreadmarkDB): ImportSession {
  return new ImportSession({
    clock: systemClock,
    ids: randomIds,
    emit,
    now: () => performance.now(),
    target: {
      existingPosts: (platforms) => storedPlatformIds(database, platforms),
      locatePosts: (keys) => locatePosts(database, keys),
      write: (assembled, projectName, progress, signal) =>
        writeImport(database, assembled, { projectName, clock: systemClock, ids: randomIds }, progress, signal),
    },
  });
}

async function handle(request: ImportRequest): Promise<void> {
  switch (request.type) {
    case 'preview':
      db ??= openThreadmarkDB(request.dbName);
      session = newSession(db);
      return session.preview(request.files.map(fileSource), request.formatId, request.csvMapping);
    case 'commit':
      return session?.commit();
    case 'cancel':
      session?.cancel();
      return;
  }
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  handle(event.data).catch((error: unknown) => {
    emit({ type: 'failed', problems: [{ file: '', message: `the import stopped: ${error instanceof Error ? error.message : String(error)}` }] });
  });
};
