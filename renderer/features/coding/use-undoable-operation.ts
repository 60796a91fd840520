import { useCallback } from 'react';

import type { Problem } from '@shared/problem/problem';
import type { Operation } from '@shared/project/operation';
import { err, ok, type Result } from '@shared/util/result';

import { useServices } from '../../app/services';
import { runInProject } from '../../db/project-store';
import { journalStep } from './journal-step';

/**
 * Runs a core operation: `label` names it to the save watchdog and in a failure; `step` (label
 * when absent) names it on the undo history. Resolves to the operation's refusal, or to ok.
 */
export type RunUndoable = <I, S, R>(label: string, operation: Operation<I, S, R>, input: I, step?: string) => Promise<Result<void, Problem>>;

/**
 * A feature's changes through the core: tracked by the save watchdog, the operation's summary
 * announced, and the journal entry pushed on the undo history (Ctrl+Z reverts it). A change that
 * changed nothing is neither announced nor undoable. A storage failure comes back as a Problem on
 * `record` (`memo`, `attribute`, …) instead of a throw.
 */
export function useUndoableOperation(record: string): RunUndoable {
  const { db, tracker, history, clock, ids, announce } = useServices();
  return useCallback(
    async <I, S, R>(label: string, operation: Operation<I, S, R>, input: I, step = label): Promise<Result<void, Problem>> => {
      try {
        const result = await tracker.track(label, runInProject(db, operation, input, { clock, ids }));
        if (!result.ok) return result;
        const { entry, summary } = result.value;
        if (entry === null) return ok(undefined);
        history.push(journalStep({ db, tracker, clock, ids }, step, entry.id));
        announce(`${summary}. Ctrl+Z undoes it.`);
        return ok(undefined);
      } catch (error) {
        return err({ record, message: `${label} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [record, db, tracker, history, clock, ids, announce],
  );
}
