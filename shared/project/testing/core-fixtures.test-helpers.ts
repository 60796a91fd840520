/** A small project for core tests: one thread of three posts, two codes, one coder. Deterministic. */
import { EMPTY_CODE_FIELDS, type Code, type Post, type Thread } from '../../model/records';
import type { Clock, IdSource } from '../../util/clock';
import { MemoryProjectStore } from '../memory-store';
import type { Operation } from '../operation';
import type { ProjectStore } from '../project-store';
import { runOperation, type Applied } from '../run-operation';

export const T0 = '2025-01-01T00:00:00.000Z';
export const ADA = { id: 'coder-ada', name: 'Ada' };

export function steppingClock(): Clock {
  let t = Date.UTC(2025, 0, 2);
  return { now: () => new Date((t += 1000)).toISOString() };
}

export function counterIds(prefix = 'id'): IdSource {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}

export const code = (id: string, name: string, extra: Partial<Code> = {}): Code => ({ id, name, parentId: null, color: '#336699', order: 0, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [], ...extra });

export const post = (id: string, text: string, parentId: string | null = 'p-1', threadId = 't-1'): Post => ({
  id,
  threadId,
  parentId,
  author: `author of ${id}`,
  createdAt: T0,
  text,
  platform: 'reddit',
  platformId: id.replace('p-', 'r'),
  url: null,
  meta: {},
});

export const thread = (id = 't-1', rootPostId = 'p-1'): Thread => ({ id, title: 'A thread', platform: 'reddit', rootPostId, importedAt: T0, source: 'thread.json' });

export function smallProject(): MemoryProjectStore {
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Test', createdAt: T0 },
    threads: [thread()],
    posts: [post('p-1', 'Men are victims too', null), post('p-2', 'What about 👩‍👩‍👧 families?'), post('p-3', 'That is a false equivalence')],
    codes: [code('c-what', 'Whataboutism', { order: 0, shortcut: 'w' }), code('c-false', 'False equivalence', { order: 1 })],
    coders: [{ id: ADA.id, name: ADA.name }],
  });
}

/** Runs an operation as Ada with the given clock and ids; returns the Result. */
export function runner(store: ProjectStore, clock = steppingClock(), ids = counterIds()) {
  return <I, S, R>(op: Operation<I, S, R>, input: I, actor = ADA) => runOperation(store, op, input, { clock, ids, actor });
}

/** The value of a result that must have succeeded. */
export function applied<R>(result: { ok: true; value: Applied<R> } | { ok: false; error: { message: string } }): Applied<R> {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.value;
}
