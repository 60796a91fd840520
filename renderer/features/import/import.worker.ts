/// <reference lib="webworker" />
/**
 * The import Worker: big files are read, parsed and assembled here, off the UI thread, and
 * written from here in one IndexedDB transaction (a Worker has IndexedDB; Dexie tells the
 * window's live queries about the new rows). Answers ImportProtocol through shared/rpc.
 */
import { serveWorker } from '@shared/rpc/rpc';
import { randomIds, systemClock } from '@shared/util/clock';

import { locatePosts, openThreadmarkDB, storedPlatformIds, writeImport, type ThreadmarkDB } from '../../db/project-store';
import { fileSource } from './file-source';
import type { ImportProtocol } from './import-protocol';
import { ImportSession } from './import-session';

let db: ThreadmarkDB | null = null;
/** The last preview's session: `commit` writes what it assembled. */
let session: ImportSession | null = null;

function newSession(database: ThreadmarkDB): ImportSession {
  return new ImportSession({
    clock: systemClock,
    ids: randomIds,
    now: () => performance.now(),
    target: {
      existingPosts: (platforms) => storedPlatformIds(database, platforms),
      locatePosts: (keys) => locatePosts(database, keys),
      write: (assembled, projectName, progress, signal) =>
        writeImport(database, assembled, { projectName, clock: systemClock, ids: randomIds }, progress, signal),
    },
  });
}

serveWorker<ImportProtocol>(self, {
  preview({ dbName, files, formatId, csvMapping }, { signal, progress }) {
    db ??= openThreadmarkDB(dbName);
    session = newSession(db);
    return session.preview(files.map(fileSource), formatId, csvMapping, { signal, progress });
  },
  async commit(_request, { signal, progress }) {
    if (session === null) return { type: 'failed', problems: [{ message: 'nothing to import: preview the files first' }] };
    return session.commit({ signal, progress });
  },
});
