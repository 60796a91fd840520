import type { Problem } from '@shared/problem/problem';
import { deleteThread, renameThread } from '@shared/project/operations/threads';
import type { ThreadEntry } from '@shared/project/queries/workspace-reads';
import type { Result } from '@shared/util/result';

import { useUndoableOperation } from '../coding/use-undoable-operation';

export interface ThreadActions {
  /** `thread`: as the form loaded it; a thread renamed since (another window) is refused, not renamed over. */
  rename(thread: ThreadEntry, title: string): Promise<Result<void, Problem>>;
  remove(thread: ThreadEntry): Promise<Result<void, Problem>>;
}

/**
 * Renaming and deleting threads through the core, undoable (undo reverts the journal entry, so a
 * deleted thread comes back whole).
 */
export function useThreadActions(): ThreadActions {
  const run = useUndoableOperation('thread');
  return {
    rename: (thread, title) => run('rename thread', renameThread, { threadId: thread.id, title, base: thread.title }, `renaming “${thread.title}”`),
    remove: (thread) => run('delete thread', deleteThread, { threadId: thread.id }, `deleting “${thread.title}”`),
  };
}
