import { useCallback } from 'react';

import { formatCodebookProblem } from '@shared/codebook/codebook-problem';
import type { Code } from '@shared/model/records';

import { useServices } from '../../app/services';
import { redoCodebookOperation, undoCodebookOperation } from '../../db/repositories/codebook-undo';
import type { CodebookOperation, CodebookResult } from '../../db/repositories/codebook-write';
import { addCode, deleteCode, updateCode } from '../../db/repositories/codes-repository';
import type { CodeDraft } from './CodeForm';

/** A refused undo or redo must throw: the history then keeps the step where it was. */
function unwrap(result: CodebookResult): void {
  if (!result.ok) throw new Error(formatCodebookProblem(result.error));
}

/** Codebook edits; each returns whether it was saved, says why not when refused, and is undoable. */
export function useCodebookActions() {
  const { db, tracker, history, clock, ids, announce } = useServices();
  const run = useCallback(
    async (label: string, write: () => Promise<CodebookResult>, step: string, done: string): Promise<boolean> => {
      try {
        const result = await tracker.track(label, write());
        if (!result.ok) {
          announce(formatCodebookProblem(result.error), 'error');
          return false;
        }
        const op: CodebookOperation = result.value;
        if (op.codes.length > 0 || op.codings.length > 0) {
          const deps = { clock, ids };
          history.push({
            label: step,
            undo: async () => unwrap(await tracker.track(`undo ${label}`, undoCodebookOperation(db, op, deps))),
            redo: async () => unwrap(await tracker.track(`redo ${label}`, redoCodebookOperation(db, op, deps))),
          });
        }
        announce(done);
        return true;
      } catch (error) {
        announce(error instanceof Error ? error.message : String(error), 'error');
        return false;
      }
    },
    [db, tracker, history, clock, ids, announce],
  );

  return {
    add: (draft: CodeDraft) =>
      run('add code', () => addCode(db, draft, { clock, ids }), `adding the code “${draft.name.trim()}”`, `Added the code ${draft.name.trim()}.`),
    update: (code: Code, draft: CodeDraft) =>
      run('edit code', () => updateCode(db, code.id, draft, { clock, ids }), `editing the code “${code.name}”`, `Saved the code ${draft.name.trim()}.`),
    remove: (code: Code) =>
      run(
        'delete code',
        () => deleteCode(db, code.id, { clock, ids }),
        `deleting the code “${code.name}”`,
        `Deleted the code ${code.name} and its codings. Ctrl+Z brings them back.`,
      ),
  };
}
