/**
 * The one path by which a project changes: read a consistent snapshot, plan, check the project's
 * rules on the result, apply the change-set and its journal entry atomically. Refusals are
 * results (a Problem), never throws; nothing is written for a refused or empty plan.
 */
import type { Problem } from '../problem/problem';
import type { Clock, IdSource } from '../util/clock';
import { err, ok, type Result } from '../util/result';
import { isEmptyChangeSet, rowsOf, type ChangeSet, type RowChange } from './change-set';
import { checkChangeSet } from './check-change-set';
import type { JournalChange, JournalEntry } from './journal-entry';
import type { Actor, Operation, OperationContext } from './operation';
import type { ApplyOptions, ProjectStore } from './project-store';
import { TABLES } from './tables';

export interface CoreEnv {
  clock: Clock;
  ids: IdSource;
  actor: Actor;
}

export interface Applied<R> {
  result: R;
  /** The journal entry written; null when the plan changed nothing. */
  entry: JournalEntry | null;
  summary: string;
}

export async function runOperation<I, S, R>(
  store: ProjectStore,
  operation: Operation<I, S, R>,
  input: I,
  env: CoreEnv,
  options: ApplyOptions = {},
): Promise<Result<Applied<R>, Problem>> {
  if (env.actor.id === '') return err({ record: 'project', message: 'no coder is chosen: say who is coding first' });
  const context: OperationContext = { at: env.clock.now(), actor: env.actor, ids: env.ids };
  return store.transact(async (tx) => {
    const snapshot = await operation.read(tx, input);
    const planned = operation.plan(snapshot, input, context);
    if (!planned.ok) return planned;
    const { summary, result } = planned.value;
    if (isEmptyChangeSet(planned.value.changes)) return ok({ result, entry: null, summary });
    const changes = planned.value.keepTimes === true ? planned.value.changes : stamped(planned.value.changes, context.at);
    const problem = await checkChangeSet(tx, changes);
    if (problem) return err(problem);
    let lastSeq = await tx.lastSeq();
    for (const adopted of planned.value.adoptJournal ?? []) {
      await tx.apply({}, adopted);
      lastSeq = Math.max(lastSeq, adopted.seq);
    }
    const entry = journalEntry(changes, {
      id: env.ids.newId(),
      seq: lastSeq + 1,
      at: context.at,
      actorId: env.actor.id,
      actorName: env.actor.name,
      operation: operation.kind,
      summary,
      reverts: planned.value.reverts ?? null,
    });
    await tx.apply(changes, entry, options);
    return ok({ result, entry, summary });
  }, operation.tables);
}

/**
 * Every record a change writes gets the operation's time as `updatedAt`; an added record keeps a
 * time it already carries (a coding from a coder's file, a record put back by a revert), so what
 * arrives from elsewhere is stored as it was. Posts are immutable and have none.
 */
function stamped(changes: ChangeSet, at: string): ChangeSet {
  const out: ChangeSet = {};
  for (const table of TABLES) {
    const rows = rowsOf(changes, table) as Array<RowChange<{ id: string; updatedAt?: string }>>;
    if (rows.length === 0) continue;
    (out as Record<string, unknown>)[table] = table === 'posts' ? rows : rows.map((r) => (r.after === null || (r.before === null && r.after.updatedAt !== undefined) ? r : { before: r.before, after: { ...r.after, updatedAt: at } }));
  }
  return out;
}

type EntryHead = Omit<JournalEntry, 'changes' | 'addedPosts'>;

/** Added posts are journaled by id (grouped by thread, in order); every other row whole. */
export function journalEntry(changes: ChangeSet, head: EntryHead): JournalEntry {
  const journalChanges: JournalChange[] = [];
  const added = new Map<string, string[]>();
  for (const table of TABLES) {
    for (const row of rowsOf(changes, table) as Array<RowChange<{ id: string; threadId?: string }>>) {
      const id = (row.after ?? row.before)!.id;
      if (table === 'posts' && row.before === null && row.after !== null) {
        const threadId = row.after.threadId as string;
        let list = added.get(threadId);
        if (!list) added.set(threadId, (list = []));
        list.push(id);
        continue;
      }
      journalChanges.push({ table, id, before: row.before as JournalChange['before'], after: row.after as JournalChange['after'] });
    }
  }
  return { ...head, changes: journalChanges, addedPosts: [...added].map(([threadId, postIds]) => ({ threadId, postIds })) };
}
