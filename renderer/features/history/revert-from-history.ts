import { revertEntry } from '@shared/project/operations/revert';
import type { ProjectStore } from '@shared/project/project-store';
import { runOperation, type CoreEnv } from '@shared/project/run-operation';
import type { JournalEntry } from '@shared/project/journal-entry';

import { refusalText } from './describe-entry';

export interface RevertOutcome {
  ok: boolean;
  /** What to say: the confirmation, or why it was refused. */
  message: string;
  /** The revert's own journal entry, when it was applied. */
  entry: JournalEntry | null;
}

/**
 * History → Revert: reverts one journal entry through the core, which refuses when something later
 * depends on it (a record changed since, a coding on an added post). The new entry names the one it
 * reverts (`reverts`), so the panel can say what it undid.
 */
export async function revertFromHistory(store: ProjectStore, entry: Pick<JournalEntry, 'id'>, env: CoreEnv): Promise<RevertOutcome> {
  const result = await runOperation(store, revertEntry, { entryId: entry.id, verb: 'revert' }, env);
  if (!result.ok) return { ok: false, message: refusalText(result.error), entry: null };
  return { ok: true, message: result.value.summary.replace(/\.?$/, '.'), entry: result.value.entry };
}
