import type { MemoTarget } from '@shared/model/records';
import type { Problem } from '@shared/problem/problem';
import { deleteMemo, writeMemo } from '@shared/project/operations/memos';
import type { Result } from '@shared/util/result';

import { useUndoableOperation } from '../../coding/use-undoable-operation';

export interface MemoActions {
  /** `base`: the text the dialog loaded; a memo changed since is refused, not overwritten. */
  write(target: MemoTarget, text: string, base?: string | null): Promise<Result<void, Problem>>;
  remove(memoId: string): Promise<Result<void, Problem>>;
}

/** Writing and deleting memos through the core: tracked, announced, and undoable with Ctrl+Z. */
export function useMemoActions(): MemoActions {
  const run = useUndoableOperation('memo');
  return {
    write: (target, text, base) => run('writing a memo', writeMemo, { target, text, ...(base !== undefined ? { base } : {}) }),
    remove: (memoId) => run('deleting a memo', deleteMemo, { memoId }),
  };
}
