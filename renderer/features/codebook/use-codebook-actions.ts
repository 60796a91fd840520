import { useCallback } from 'react';

import type { Code } from '@shared/model/records';

import { useServices } from '../../app/services';
import { addCode, deleteCode, restoreDeletedCodes, updateCode } from '../../db/repositories/codes-repository';
import type { CodeDraft } from './CodeForm';

/** Codebook edits; each returns whether it was saved, and says why not when it was refused. */
export function useCodebookActions() {
  const { db, tracker, history, ids, announce } = useServices();
  const run = useCallback(
    async (label: string, write: () => Promise<unknown>, done: string): Promise<boolean> => {
      try {
        await tracker.track(label, write());
        announce(done);
        return true;
      } catch (error) {
        announce(error instanceof Error ? error.message : String(error), 'error');
        return false;
      }
    },
    [tracker, announce],
  );

  /** Deleting a code takes its codings with it, so it is undoable like a coding action. */
  const remove = useCallback(
    (code: Code) =>
      run(
        'delete code',
        async () => {
          const deleted = await deleteCode(db, code.id);
          history.push({
            label: `deleting the code “${code.name}”`,
            undo: () => tracker.track('undo delete code', restoreDeletedCodes(db, deleted)),
            redo: async () => void (await tracker.track('redo delete code', deleteCode(db, code.id))),
          });
        },
        `Deleted the code ${code.name} and its codings. Ctrl+Z brings them back.`,
      ),
    [db, tracker, history, run],
  );

  return {
    add: (draft: CodeDraft) => run('add code', () => addCode(db, draft, { ids }), `Added the code ${draft.name.trim()}.`),
    update: (code: Code, draft: CodeDraft) => run('edit code', () => updateCode(db, code.id, draft), `Saved the code ${draft.name.trim()}.`),
    remove,
  };
}
