/**
 * Writes an assembled import through the core's `threads.import` operation: ONE transaction, so an
 * import is all or nothing, also when the app is killed halfway (docs/decisions/0004-all-or-nothing-imports.md;
 * docs/storage.md, "Transactions"). Posts go in batches with progress between them; Cancel between
 * batches throws CancelledError, which aborts the transaction. The import is journaled: the entry's
 * id comes back, so the dialog can offer to undo it.
 */
import type { AssembledImport } from '@shared/import/assemble-threads';
import { formatProblem } from '@shared/problem/problem';
import { importThreads } from '@shared/project/operations/threads-import';
import type { CancelSignal } from '@shared/util/cancelled';
import type { Clock, IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from './database';
import { runInProject } from './run-in-project';

export { locatePosts, storedPlatformIds } from './post-store';

export async function writeImport(
  db: ThreadmarkDB,
  input: Pick<AssembledImport, 'threads' | 'posts'>,
  deps: { projectName: string; clock: Clock; ids: IdSource },
  progress: (written: number) => void,
  signal: CancelSignal,
): Promise<string | null> {
  const files = [...new Set(input.threads.flatMap((t) => t.source.split(', ')))];
  const source = files.length > 0 ? files.join(', ') : deps.projectName;
  const result = await runInProject(db, importThreads, { threads: input.threads, posts: input.posts, projectName: deps.projectName, source }, deps, { progress, signal });
  if (!result.ok) throw new Error(formatProblem(result.error));
  return result.value.entry?.id ?? null;
}
