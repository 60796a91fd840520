import { Dexie } from 'dexie';

import type { DatabaseState } from '@shared/backup/recovery';

import { isDatabaseEmpty } from '../bundle-io';
import { openThreadmarkDB } from '../database';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * What is in a project's database, looked at without creating it: missing (`Dexie.exists` never
 * creates one), empty (no project record, thread, post, code or coding: what a reset leaves),
 * broken (it cannot be opened), or ok. Opening it for the look runs its migrations, as opening
 * the project would.
 */
export async function databaseState(dbName: string): Promise<DatabaseState> {
  try {
    if (!(await Dexie.exists(dbName))) return { kind: 'missing' };
  } catch (e) {
    return { kind: 'broken', message: message(e) };
  }
  const db = openThreadmarkDB(dbName);
  try {
    return (await isDatabaseEmpty(db)) ? { kind: 'empty' } : { kind: 'ok' };
  } catch (e) {
    return { kind: 'broken', message: message(e) };
  } finally {
    db.close();
  }
}
