/**
 * Running core operations in the app: as the coder at the keyboard, on the one DexieProjectStore of
 * the window's database (so its subscribers hear every write).
 */
import type { Problem } from '@shared/problem/problem';
import type { Actor, Operation } from '@shared/project/operation';
import { runOperation, type Applied } from '@shared/project/run-operation';
import type { ApplyOptions } from '@shared/project/project-store';
import type { Clock, IdSource } from '@shared/util/clock';
import { err, type Result } from '@shared/util/result';

import type { ThreadmarkDB } from './database';
import { DexieProjectStore } from './dexie-project-store';
import { getCurrentCoderId } from './repositories/settings-repository';

export interface RunDeps {
  clock: Clock;
  ids: IdSource;
}

/** The coder at the keyboard as the journal's actor, or null before one is chosen. */
export async function currentActor(db: ThreadmarkDB): Promise<Actor | null> {
  const id = await getCurrentCoderId(db);
  if (id === null) return null;
  const coder = await db.coders.get(id);
  return coder ? { id: coder.id, name: coder.name } : null;
}

const NO_CODER: Problem = { record: 'project', field: 'coderId', message: 'no coder is chosen: say who is coding first' };

/** Runs a core operation on the app's database as the current coder. */
export async function runInProject<I, S, R>(
  db: ThreadmarkDB,
  operation: Operation<I, S, R>,
  input: I,
  deps: RunDeps,
  options?: ApplyOptions,
): Promise<Result<Applied<R>, Problem>> {
  const actor = await currentActor(db);
  if (!actor) return err(NO_CODER);
  return runOperation(storeOf(db), operation, input, { ...deps, actor }, options);
}

const stores = new WeakMap<ThreadmarkDB, DexieProjectStore>();

/** One store per database, so its subscribers hear every write. */
export function storeOf(db: ThreadmarkDB): DexieProjectStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new DexieProjectStore(db)));
  return store;
}
