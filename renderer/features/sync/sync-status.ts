/**
 * The sync status the header shows (docs/sync.md "In the app"): one state for the whole project
 * from the state of each database's replication, and every error in words a researcher can act on.
 */

export type ReplicationState =
  | { kind: 'connecting' }
  | { kind: 'active' }
  | { kind: 'idle' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string };

export type SyncStatus =
  | { kind: 'connecting' }
  | { kind: 'synced' }
  | { kind: 'syncing'; changes: number }
  | { kind: 'offline' }
  | { kind: 'error'; message: string };

/**
 * An error beats offline, offline beats work in progress; `pending` counts changes received but not
 * yet in the project plus local changes not yet written to the replicas.
 */
export function overallStatus(replications: readonly ReplicationState[], pending: number): SyncStatus {
  const error = replications.find((r): r is Extract<ReplicationState, { kind: 'error' }> => r.kind === 'error');
  if (error) return { kind: 'error', message: error.message };
  if (replications.some((r) => r.kind === 'offline')) return { kind: 'offline' };
  if (replications.length === 0 || replications.some((r) => r.kind === 'connecting')) return { kind: 'connecting' };
  if (pending > 0 || replications.some((r) => r.kind === 'active')) return { kind: 'syncing', changes: pending };
  return { kind: 'synced' };
}

export function statusText(status: SyncStatus): string {
  switch (status.kind) {
    case 'connecting':
      return 'Connecting to the team server…';
    case 'synced':
      return 'Synced with the team server';
    case 'syncing':
      return status.changes > 0 ? `Syncing ${status.changes} ${status.changes === 1 ? 'change' : 'changes'}…` : 'Syncing…';
    case 'offline':
      return 'Offline — changes are kept here and sync when the server is back';
    case 'error':
      return status.message;
  }
}

/** What PouchDB and fetch report, as far as we read it. */
interface ErrorLike {
  status?: number;
  name?: string;
  error?: string | boolean;
  reason?: string;
  message?: string;
}

/**
 * A failed request in words. CouchDB answers 401 or 403 to a member of another project (the test
 * server says 401 where CouchDB says 403), so both read as "not a member" once the user's password
 * was accepted at connect; `forbidden` is a validate_doc_update refusal with its own reason.
 */
export function errorInWords(error: unknown): { offline: true } | { offline: false; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const status = e.status ?? 0;
  if (status === 0 || e.name === 'TypeError' || /fetch|network|ECONNREFUSED|Failed to fetch/i.test(e.message ?? '')) return { offline: true };
  if (status === 401 || status === 403) {
    if (e.error === 'forbidden' || e.name === 'forbidden') return { offline: false, message: `Server refused a change: ${e.reason ?? e.message ?? 'not allowed'}` };
    return { offline: false, message: 'Server refused: you are not a member of this project' };
  }
  if (status === 404) return { offline: false, message: 'Server refused: this team project does not exist on the server (ask the lead to provision it)' };
  if (status >= 500) return { offline: true };
  return { offline: false, message: `Sync failed: ${e.reason ?? e.message ?? `status ${status}`}` };
}
