import type { Migration } from './migration';

/**
 * Team sync (docs/sync.md): where a project keeps its connection to a team server, one row per
 * key (sync-state.ts): the connection (server URL, project key, user, lead or not, this device's
 * id), a checkpoint per server database, the last journal seq pushed, the documents waiting for
 * their dependencies. Never the password (the desktop keeps it with safeStorage). Nothing stored
 * changes: the table starts empty, and a project without a row is not connected.
 */
export const teamSyncMigration: Migration = {
  version: 9,
  stores: {
    syncState: 'key',
  },
};
