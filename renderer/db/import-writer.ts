/**
 * Writes an assembled import into the database: ONE transaction over projects, threads and posts,
 * so an import is all or nothing, also when the app is killed halfway (reliability.md §2.2, test
 * 4a). Posts go in batches so progress can be reported between them; only Dexie is awaited inside
 * the transaction. Cancel between batches throws, which aborts the transaction.
 */
import type { CancelSignal } from '@shared/import/stream/byte-source';
import type { Post, Thread } from '@shared/model/records';
import type { Clock, IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from './database';
import { appendPosts, postTables } from './post-store';

export { locatePosts, storedPlatformIds } from './post-store';

/** Posts per write between progress reports. */
export const IMPORT_WRITE_BATCH = 5_000;

export class ImportCancelledError extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelledError';
  }
}

export async function writeImport(
  db: ThreadmarkDB,
  input: { threads: readonly Thread[]; posts: readonly Post[] },
  deps: { projectName: string; clock: Clock; ids: IdSource },
  progress: (written: number) => void,
  signal: CancelSignal,
): Promise<void> {
  await db.transaction('rw', [db.projects, db.threads, ...postTables(db)], async () => {
    if ((await db.projects.count()) === 0) await db.projects.add({ id: deps.ids.newId(), name: deps.projectName, createdAt: deps.clock.now() });
    await db.threads.bulkAdd([...input.threads]);
    let written = 0;
    for (let at = 0; at < input.posts.length; at += IMPORT_WRITE_BATCH) {
      if (signal.cancelled) throw new ImportCancelledError();
      const batch = input.posts.slice(at, at + IMPORT_WRITE_BATCH);
      await appendPosts(db, batch);
      written += batch.length;
      progress(written);
    }
  });
}
