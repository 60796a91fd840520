import { statusText, type SyncStatus } from './sync-status';

interface Props {
  status: SyncStatus | { kind: 'signed-out' };
  /** Local changes the user may not write to the server, kept here. */
  keptHere: number;
  conflicts: number;
  onSignIn(): void;
  onConflicts(): void;
}

/** The header's sync state in words; a button when there is something to do (sign in, conflicts). */
export function SyncStatusBadge({ status, keptHere, conflicts, onSignIn, onConflicts }: Props) {
  if (status.kind === 'signed-out') {
    return (
      <button type="button" className="sync-status" data-tone="warn" data-testid="sync-status" onClick={onSignIn}>
        Not syncing — sign in to the team server
      </button>
    );
  }
  const tone = status.kind === 'error' ? 'error' : status.kind === 'offline' ? 'warn' : status.kind === 'synced' ? 'ok' : 'busy';
  const kept = keptHere > 0 ? ` ${keptHere.toLocaleString()} ${keptHere === 1 ? 'change stays' : 'changes stay'} on this computer: only leads change the codebook and corpus.` : '';
  return (
    <span className="sync-status-group">
      <span className="sync-status" role="status" aria-live="polite" data-tone={tone} data-testid="sync-status" title={`${statusText(status)}.${kept}`}>
        {statusText(status)}
      </span>
      {conflicts > 0 ? (
        <button type="button" className="sync-conflicts" onClick={onConflicts}>
          {conflicts === 1 ? '1 conflict' : `${conflicts} conflicts`}
        </button>
      ) : null}
    </span>
  );
}
