/**
 * The set-up the journal followers' tests share: the sample bundle imported into a fresh database,
 * its project store, and a way to run operations on it as one coder; and a wait for what another
 * connection's writes reach only through the journal watch.
 */
import type { Operation } from '@shared/project/operation';
import { runOperation, type Applied, type CoreEnv } from '@shared/project/run-operation';

import { importBundle } from '../bundle-io';
import type { ThreadmarkDB } from '../database';
import type { DexieProjectStore } from '../dexie-project-store';
import { storeOf } from '../run-in-project';
import { freshDb, sampleBundle, testClock, testIds } from './test-support';

export const ANA = { id: 'coder-ana', name: 'Ana' };

export interface SampleProject {
  db: ThreadmarkDB;
  store: DexieProjectStore;
  /** What operations run with: a test clock and ids, acting as Ana. */
  env: CoreEnv;
  /** Runs `op` on the store; its error's message thrown. */
  run<I, S, R>(op: Operation<I, S, R>, input: I): Promise<Applied<R>>;
}

/** sampleBundle() imported into a database no other test uses. */
export async function openSampleProject(): Promise<SampleProject> {
  const db = freshDb();
  await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds('imp') });
  const store = storeOf(db);
  const env = { clock: testClock(), ids: testIds(), actor: ANA };
  return {
    db,
    store,
    env,
    run: async (op, input) => {
      const done = await runOperation(store, op, input, env);
      if (!done.ok) throw new Error(done.error.message);
      return done.value;
    },
  };
}

/** Resolves once `check` holds (polled every 10 ms, two seconds at the most). */
export async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
