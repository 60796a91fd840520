import { useCallback } from 'react';

import type { Code } from '@shared/model/records';

import { useServices } from '../../app/services';
import { addCode, deleteCode, updateCode } from '../../db/repositories/codes-repository';
import type { CodeDraft } from './CodeForm';

/** Codebook edits; each returns whether it was saved, and says why not when it was refused. */
export function useCodebookActions() {
  const { db, tracker, ids, announce } = useServices();
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
  return {
    add: (draft: CodeDraft) => run('add code', () => addCode(db, draft, { ids }), `Added the code ${draft.name.trim()}.`),
    update: (code: Code, draft: CodeDraft) => run('edit code', () => updateCode(db, code.id, draft), `Saved the code ${draft.name.trim()}.`),
    remove: (code: Code) =>
      run('delete code', () => deleteCode(db, code.id), `Deleted the code ${code.name} and its codings.`),
  };
}
