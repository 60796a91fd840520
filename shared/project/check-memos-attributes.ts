/**
 * The project's rules for memos and attributes, on the project as a change-set would leave it: a
 * written memo is on a target that exists and by a coder who exists; no memo is left on a removed
 * thread, post or code; a written value belongs to an attribute that exists, fits its type and, for
 * a thread attribute, a thread that exists; no value is left of a removed attribute or thread.
 * Reads only when the change touches these tables or removes what they point at.
 */
import { attributeValueProblem } from '../analysis/attributes/attribute-value';
import type { Attribute, AttributeValue, Memo } from '../model/records';
import type { Problem } from '../problem/problem';
import { rowsOf, type ChangeSet } from './change-set';
import type { ProjectReader } from './project-store';

const removedIds = (changes: ChangeSet, table: 'threads' | 'posts' | 'codes' | 'attributes'): Set<string> =>
  new Set(rowsOf(changes, table).flatMap((r) => (r.after === null && r.before ? [r.before.id] : [])));

/** A table's records after the change, from the stored ones. */
function after<T extends { id: string }>(stored: readonly T[], rows: ReadonlyArray<{ before: T | null; after: T | null }>): Map<string, T> {
  const out = new Map(stored.map((r) => [r.id, r]));
  for (const row of rows) {
    if (row.after) out.set(row.after.id, row.after);
    else if (row.before) out.delete(row.before.id);
  }
  return out;
}

export async function checkMemosAndAttributes(reader: ProjectReader, changes: ChangeSet): Promise<Problem | undefined> {
  return (await checkMemos(reader, changes)) ?? (await checkValues(reader, changes));
}

async function checkMemos(reader: ProjectReader, changes: ChangeSet): Promise<Problem | undefined> {
  const memoRows = rowsOf(changes, 'memos');
  const removed = { thread: removedIds(changes, 'threads'), post: removedIds(changes, 'posts'), code: removedIds(changes, 'codes') };
  if (memoRows.length === 0 && removed.thread.size + removed.post.size + removed.code.size === 0) return undefined;
  const memos = after<Memo>(await reader.memos(), memoRows);
  for (const memo of memos.values()) {
    const { kind, id } = memo.target;
    if (kind !== 'project' && removed[kind].has(id)) return { record: `memo ${memo.id}`, field: 'target', message: `cannot remove the ${kind} ${id}: a memo is written on it (a later change depends on it)` };
  }
  const written = memoRows.flatMap((r) => (r.after ? [r.after] : []));
  if (written.length === 0) return undefined;
  const [project, threads, codes, coders] = await Promise.all([reader.project(), reader.threads(), reader.codes(), reader.coders()]);
  const exists = {
    project: new Set([...(project ? [project.id] : []), ...rowsOf(changes, 'projects').flatMap((r) => (r.after ? [r.after.id] : []))]),
    thread: new Set(after(threads, rowsOf(changes, 'threads')).keys()),
    code: new Set(after(codes, rowsOf(changes, 'codes')).keys()),
    post: new Set([...(await reader.posts(written.filter((m) => m.target.kind === 'post').map((m) => m.target.id))).keys()].filter((id) => !removed.post.has(id))),
  };
  for (const row of rowsOf(changes, 'posts')) if (row.after && !row.before) exists.post.add(row.after.id);
  const coderIds = new Set(after(coders, rowsOf(changes, 'coders')).keys());
  for (const memo of written) {
    if (!exists[memo.target.kind].has(memo.target.id)) return { record: `memo ${memo.id}`, field: 'target.id', message: `the ${memo.target.kind} ${memo.target.id} does not exist` };
    if (!coderIds.has(memo.coderId)) return { record: `memo ${memo.id}`, field: 'coderId', message: `coder ${memo.coderId} does not exist` };
  }
  return undefined;
}

async function checkValues(reader: ProjectReader, changes: ChangeSet): Promise<Problem | undefined> {
  const valueRows = rowsOf(changes, 'attributeValues');
  const removedThreads = removedIds(changes, 'threads');
  const attributeRows = rowsOf(changes, 'attributes');
  if (valueRows.length === 0 && attributeRows.length === 0 && removedThreads.size === 0) return undefined;
  const [storedAttributes, storedValues] = await Promise.all([reader.attributes(), reader.attributeValues()]);
  const attributes = after<Attribute>(storedAttributes, attributeRows);
  const values = after<AttributeValue>(storedValues, valueRows);
  const threads = valueRows.some((r) => r.after) ? new Set(after(await reader.threads(), rowsOf(changes, 'threads')).keys()) : null;
  const written = new Set(valueRows.flatMap((r) => (r.after ? [r.after.id] : [])));
  for (const value of values.values()) {
    const record = `attribute value ${value.id}`;
    const attribute = attributes.get(value.attributeId);
    if (!attribute) return { record, field: 'attributeId', message: `attribute ${value.attributeId} does not exist (a later change depends on it)` };
    if (attribute.scope === 'thread' && removedThreads.has(value.subject)) return { record, field: 'subject', message: `cannot remove the thread ${value.subject}: it has a value of “${attribute.name}” (a later change depends on it)` };
    if (!written.has(value.id)) continue;
    if (threads && attribute.scope === 'thread' && !threads.has(value.subject)) return { record, field: 'subject', message: `thread ${value.subject} does not exist` };
    const problem = attributeValueProblem(attribute.type, value.value);
    if (problem) return { record, field: 'value', message: problem };
  }
  return undefined;
}
