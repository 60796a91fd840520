/**
 * What a bundle changed since it last heard from the team server, read off its journal: a record
 * whose last journal change is a `sync.apply` entry holds the server's version (the server is as new
 * or newer); one changed by a local entry since is the user's work. The versions the journal holds
 * tell a plain update (the server still has a version of ours) from a concurrent edit on another
 * machine (a conflict, kept on the server for a lead).
 */
import type { JournalEntry } from '@shared/project/journal-entry';
import type { AnyRecord } from '@shared/project/tables';
import { recordDocId } from '@shared/sync/doc-mapping';
import { SYNC_APPLY_OPERATION } from '@shared/sync/push-plan';

export interface LocalState {
  /** `server`: the last change came from the team server (sync.apply); `local`: the user's own work since. */
  source: 'server' | 'local';
  /** Every version of the record the journal holds: a server copy equal to one of them has not moved away from ours. */
  versions: AnyRecord[];
}

/** By document id (`codes:c-1`): records the journal touched; the others have no known history. */
export function localStates(journal: readonly JournalEntry[]): Map<string, LocalState> {
  const states = new Map<string, LocalState>();
  for (const entry of journal) {
    const source = entry.operation === SYNC_APPLY_OPERATION ? 'server' : 'local';
    for (const change of entry.changes) {
      if (change.table === 'posts') continue;
      const key = recordDocId(change.table, change.id);
      let state = states.get(key);
      if (!state) states.set(key, (state = { source, versions: [] }));
      state.source = source;
      for (const version of [change.before, change.after]) if (version !== null) state.versions.push(version);
    }
  }
  return states;
}

/** Records removed by the user's own entries and not there now: `{ docId, before }` per removal, last removal kept. */
export function localRemovals(journal: readonly JournalEntry[]): Map<string, AnyRecord> {
  const removed = new Map<string, AnyRecord>();
  for (const entry of journal) {
    for (const change of entry.changes) {
      if (change.table === 'posts') continue;
      const key = recordDocId(change.table, change.id);
      if (entry.operation !== SYNC_APPLY_OPERATION && change.after === null && change.before !== null) removed.set(key, change.before);
      else removed.delete(key);
    }
  }
  return removed;
}
