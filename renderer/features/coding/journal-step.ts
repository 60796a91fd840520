import type { Services } from '../../app/services';
import { revertJournalEntry } from '../../db/project-store';

import type { UndoableAction } from './action-history';

/**
 * An undoable step backed by the project journal: undo reverts the step's entry, redo reverts that
 * undo, the next undo reverts the redo, and so on. A revert that later work depends on is refused
 * with the reason (the history keeps the step where it was).
 */
export function journalStep({ db, tracker, clock, ids }: Pick<Services, 'db' | 'tracker' | 'clock' | 'ids'>, label: string, entryId: string): UndoableAction {
  let current = entryId;
  return {
    label,
    undo: async () => {
      current = await tracker.track(`undo ${label}`, revertJournalEntry(db, current, 'undo', { clock, ids }));
    },
    redo: async () => {
      current = await tracker.track(`redo ${label}`, revertJournalEntry(db, current, 'redo', { clock, ids }));
    },
  };
}
