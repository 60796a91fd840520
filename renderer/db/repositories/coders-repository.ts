import type { Coder } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { addCoder } from '@shared/project/operations/coders';
import { runOperation } from '@shared/project/run-operation';
import { teamCoderId } from '@shared/sync/names';
import { systemClock, type Clock, type IdSource } from '@shared/util/clock';

import type { ThreadmarkDB } from '../database';
import { storeOf } from '../run-in-project';
import { readConnection } from '../sync-state';

/**
 * The coder of this (trimmed) name, any case, added through the core's `coders.add` if there is
 * none: the new coder is the journal entry's actor (they introduce themselves). In a connected
 * project the id is the team id of the name, unless it is the record the server already has for
 * this user (found when signing in), so one person is one record on every machine.
 */
export async function ensureCoder(db: ThreadmarkDB, name: string, ids: IdSource, clock: Clock = systemClock, preferredId?: string): Promise<Coder> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A coder needs a name.');
  const team = await readConnection(db);
  const serverRecord = team?.coder !== undefined && team.coder.id === preferredId;
  const byTeam = team !== null && !serverRecord;
  // Outside a team: the coder's id on this machine (app settings), so one person has one id across projects.
  const id = byTeam ? teamCoderId(trimmed) : (preferredId ?? ids.newId());
  const input = byTeam ? { name: trimmed, idPolicy: 'team' as const } : { name: trimmed, id };
  const result = await runOperation(storeOf(db), addCoder, input, { clock, ids, actor: { id, name: trimmed } });
  if (!result.ok) throw new Error(formatProblem(result.error));
  return result.value.result;
}
