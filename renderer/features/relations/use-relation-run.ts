import { useCallback } from 'react';

import type { Problem } from '@shared/problem/problem';
import type { Operation } from '@shared/project/operation';
import { err, ok, type Result } from '@shared/util/result';

import { useServices } from '../../app/services';
import { runInProject } from '../../db/project-store';
import { journalStep } from '../coding/journal-step';

/**
 * Runs a relation operation as use-undoable-operation does (tracked, announced, on the undo
 * history) and hands back its result: adding a relation with a new relation code needs the code.
 */
export function useRelationRun() {
  const { db, tracker, history, clock, ids, announce } = useServices();
  return useCallback(
    async <I, S, R>(label: string, operation: Operation<I, S, R>, input: I): Promise<Result<R, Problem>> => {
      try {
        const result = await tracker.track(label, runInProject(db, operation, input, { clock, ids }));
        if (!result.ok) return result;
        const { entry, summary, result: value } = result.value;
        if (entry !== null) {
          history.push(journalStep({ db, tracker, clock, ids }, label, entry.id));
          announce(`${summary}. Ctrl+Z undoes it.`);
        } else announce(summary);
        return ok(value);
      } catch (error) {
        return err({ record: 'relation', message: `${label} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [db, tracker, history, clock, ids, announce],
  );
}
