import type { Coder } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { addCoder } from '@shared/project/operations/coders';
import { runOperation } from '@shared/project/run-operation';
import { systemClock, type Clock, type IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from '../database';
import { storeOf } from '../run-in-project';

/**
 * The coder of this (trimmed) name, any case, added through the core's `coders.add` if there is
 * none: the new coder is the journal entry's actor (they introduce themselves).
 */
export async function ensureCoder(db: ThreadmarkDB, name: string, ids: IdSource, clock: Clock = systemClock, preferredId?: string): Promise<Coder> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A coder needs a name.');
  // The coder's id on this machine (app settings), so one person has one id across projects.
  const id = preferredId ?? ids.newId();
  const result = await runOperation(storeOf(db), addCoder, { name: trimmed, id }, { clock, ids, actor: { id, name: trimmed } });
  if (!result.ok) throw new Error(formatProblem(result.error));
  return result.value.result;
}
