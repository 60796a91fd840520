/**
 * A project's connection to a team server and how far its sync has got (migration 0009,
 * docs/sync.md). One row per key, in the project's own database, so a copy of the project never
 * carries another machine's progress: the connection, this device's id (made once, kept across
 * disconnects so a reconnect is the same device), a checkpoint per server database with the
 * documents still waiting for their dependencies, and the last journal seq pushed. Never the
 * password.
 */
import type { CoderIdPolicy } from '@shared/project/operations/coders';

import type { ThreadmarkDB } from './database';

export interface SyncConnection {
  /** The server's base URL, without a trailing slash. */
  serverUrl: string;
  /** The project's key on the server (`--project`). */
  projectKey: string;
  /** The CouchDB user name (a coder's name, trimmed, lower-cased). */
  user: string;
  lead: boolean;
  /** The project's existing coder record for this user, found when signing in: the local copy codes as it. */
  coder?: { id: string; name: string };
  connectedAt: string;
}

export interface SyncCheckpoint {
  /** The local replica's `_changes` seq up to which documents are in Dexie. */
  since: string | number;
  /** Documents whose dependencies had not arrived yet: retried with the next batch, never dropped. */
  deferred: unknown[];
}

export type SyncStateRow =
  | { key: 'connection'; connection: SyncConnection }
  | { key: 'device'; deviceId: string }
  | { key: 'pushed'; seq: number }
  | { key: `checkpoint:${string}`; checkpoint: SyncCheckpoint };

export async function readConnection(db: ThreadmarkDB): Promise<SyncConnection | null> {
  const row = await db.syncState.get('connection');
  return row && 'connection' in row ? row.connection : null;
}

/** How a coder added by name gets their id here: the team id of the name when connected (docs/sync.md). */
export async function coderIdPolicy(db: ThreadmarkDB): Promise<CoderIdPolicy> {
  return (await readConnection(db)) ? 'team' : 'local';
}

export async function saveConnection(db: ThreadmarkDB, connection: SyncConnection): Promise<void> {
  await db.syncState.put({ key: 'connection', connection });
}

/** Disconnecting forgets the connection and the progress (a later connect starts over); the device id stays. */
export async function forgetConnection(db: ThreadmarkDB): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const keys = (await db.syncState.toCollection().primaryKeys()).filter((k) => k !== 'device');
    await db.syncState.bulkDelete(keys);
  });
}

/** This device's id for the project: made once, on first use. */
export async function deviceIdOf(db: ThreadmarkDB, makeId: () => string): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get('device');
    if (row && 'deviceId' in row) return row.deviceId;
    const deviceId = makeId();
    await db.syncState.put({ key: 'device', deviceId });
    return deviceId;
  });
}

/** The last journal seq written to the local replicas; null before the first push. */
export async function readPushedSeq(db: ThreadmarkDB): Promise<number | null> {
  const row = await db.syncState.get('pushed');
  return row && 'seq' in row ? row.seq : null;
}

export async function savePushedSeq(db: ThreadmarkDB, seq: number): Promise<void> {
  await db.syncState.put({ key: 'pushed', seq });
}

export async function readCheckpoint(db: ThreadmarkDB, databaseKey: string): Promise<SyncCheckpoint> {
  const row = await db.syncState.get(`checkpoint:${databaseKey}`);
  return row && 'checkpoint' in row ? row.checkpoint : { since: 0, deferred: [] };
}

export async function saveCheckpoint(db: ThreadmarkDB, databaseKey: string, checkpoint: SyncCheckpoint): Promise<void> {
  await db.syncState.put({ key: `checkpoint:${databaseKey}`, checkpoint });
}

/** The engine's view of the progress rows (renderer/features/sync/sync-engine.ts). */
export function syncProgressOf(db: ThreadmarkDB) {
  return {
    readPushedSeq: () => readPushedSeq(db),
    savePushedSeq: (seq: number) => savePushedSeq(db, seq),
    readCheckpoint: (key: string) => readCheckpoint(db, key),
    saveCheckpoint: (key: string, checkpoint: SyncCheckpoint) => saveCheckpoint(db, key, checkpoint),
  };
}
