import { useCallback } from 'react';

import { err } from '@shared/util/result';

import { useServices } from '../../app/services';
import type { CodebookDeps, CodebookResult } from '../../db/project-store';
import { journalStep } from '../coding/journal-step';

export interface CodebookStep {
  /** What the save watchdog calls the write ("merge codes"). */
  label: string;
  /** How undo and redo name the step: "Undid merging “A” into “B”." */
  step: string;
  write: (deps: CodebookDeps) => Promise<CodebookResult>;
}

/**
 * Runs one codebook operation: tracked by the save watchdog, announced by its summary, and
 * pushed on the undo history when it changed something. A refusal is returned, not announced,
 * so the caller can show it where it belongs (next to a field, in a dialog, in the status line).
 */
export function useCodebookWrite(): (step: CodebookStep) => Promise<CodebookResult> {
  const { db, tracker, history, clock, ids, announce } = useServices();
  return useCallback(
    async ({ label, step, write }: CodebookStep): Promise<CodebookResult> => {
      const deps = { clock, ids };
      let result: CodebookResult;
      try {
        result = await tracker.track(label, write(deps));
      } catch (error) {
        return err({ record: 'codebook', field: '', message: `${label} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
      if (!result.ok) return result;
      const op = result.value;
      if (op.entryId === null) {
        announce('Nothing changed.');
        return result;
      }
      history.push(journalStep({ db, tracker, clock, ids }, step, op.entryId));
      announce(`${op.summary}. Ctrl+Z undoes it.`);
      return result;
    },
    [db, tracker, history, clock, ids, announce],
  );
}
