import { useCallback } from 'react';

import type { Problem } from '@shared/problem/problem';
import type { Operation } from '@shared/project/operation';
import { deleteThread, renameThread } from '@shared/project/operations/threads';
import type { ThreadSummary } from '@shared/project/queries/workspace-reads';
import { err, ok, type Result } from '@shared/util/result';

import { useServices } from '../../app/services';
import { runInProject } from '../../db/project-store';
import { journalStep } from '../coding/journal-step';

export interface ThreadActions {
  rename(thread: ThreadSummary, title: string): Promise<Result<void, Problem>>;
  remove(thread: ThreadSummary): Promise<Result<void, Problem>>;
}

/**
 * Renaming and deleting threads through the core: tracked by the save watchdog, announced, and
 * pushed on the undo history (undo reverts the journal entry, so a deleted thread comes back whole).
 */
export function useThreadActions(): ThreadActions {
  const { db, tracker, history, clock, ids, announce } = useServices();
  const run = useCallback(
    async <I, S, R>(label: string, step: string, operation: Operation<I, S, R>, input: I): Promise<Result<void, Problem>> => {
      try {
        const result = await tracker.track(label, runInProject(db, operation, input, { clock, ids }));
        if (!result.ok) return result;
        const { entry, summary } = result.value;
        if (entry === null) return ok(undefined);
        history.push(journalStep({ db, tracker, clock, ids }, step, entry.id));
        announce(`${summary}. Ctrl+Z undoes it.`);
        return ok(undefined);
      } catch (error) {
        return err({ record: 'thread', message: `${label} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [db, tracker, history, clock, ids, announce],
  );
  return {
    rename: (thread, title) => run('rename thread', `renaming “${thread.title}”`, renameThread, { threadId: thread.id, title }),
    remove: (thread) => run('delete thread', `deleting “${thread.title}”`, deleteThread, { threadId: thread.id }),
  };
}
