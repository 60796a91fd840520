/**
 * The project's rules for the relation codebook and relations, on the project as a change-set
 * would leave it: relation code names are non-empty and unique, colours "#rrggbb"; every written
 * relation passes relation-rules.ts; nothing is left pointing at a removed relation code, coder,
 * post or thread. Reads only when the change touches these tables or removes what they point at.
 */
import type { Post, Relation, RelationCode } from '../model/records';
import type { Problem } from '../problem/problem';
import { rowsOf, type ChangeSet } from './change-set';
import type { ProjectReader } from './project-store';
import { relationProblem } from './relation-rules';

const removed = (rows: ReadonlyArray<{ before: { id: string } | null; after: unknown }>): Set<string> =>
  new Set(rows.flatMap((r) => (r.after === null && r.before ? [r.before.id] : [])));

function afterRows<T extends { id: string }>(stored: readonly T[], rows: ReadonlyArray<{ before: T | null; after: T | null }>): Map<string, T> {
  const out = new Map(stored.map((r) => [r.id, r]));
  for (const row of rows) {
    if (row.after) out.set(row.after.id, row.after);
    else if (row.before) out.delete(row.before.id);
  }
  return out;
}

export async function checkRelations(reader: ProjectReader, changes: ChangeSet): Promise<Problem | undefined> {
  const codeRows = rowsOf(changes, 'relationCodes');
  const relationRows = rowsOf(changes, 'relations');
  const gone = { posts: removed(rowsOf(changes, 'posts')), threads: removed(rowsOf(changes, 'threads')), coders: removed(rowsOf(changes, 'coders')), codes: removed(codeRows) };
  if (codeRows.length === 0 && relationRows.length === 0 && gone.posts.size + gone.threads.size + gone.coders.size === 0) return undefined;
  const storedCodes = await reader.relationCodes();
  const storedRelations = await reader.relations();
  if (storedRelations.length === 0 && relationRows.length === 0 && codeRows.length === 0) return undefined;
  const codes = afterRows<RelationCode>(storedCodes, codeRows);
  const relations = afterRows<Relation>(storedRelations, relationRows);

  for (const { after } of codeRows) {
    if (!after) continue;
    const record = `relation code ${after.id}`;
    const name = after.name.trim();
    if (name === '') return { record, field: 'name', message: 'a relation code needs a name' };
    if (!/^#[0-9a-fA-F]{6}$/.test(after.color)) return { record, field: 'color', message: `expected a colour written "#rrggbb", got ${JSON.stringify(after.color)}` };
    const twin = [...codes.values()].find((c) => c.id !== after.id && c.name.trim().toLowerCase() === name.toLowerCase());
    if (twin) return { record, field: 'name', message: `there is already a relation code “${twin.name}”` };
  }
  for (const relation of relations.values()) {
    const record = `relation ${relation.id}`;
    if (gone.codes.has(relation.relationCodeId)) return { record, field: 'relationCodeId', message: `cannot delete relation code ${relation.relationCodeId}: a relation still uses it (a later change depends on it)` };
    if (gone.coders.has(relation.coderId)) return { record, field: 'coderId', message: `cannot remove coder ${relation.coderId}: a relation of theirs remains (a later change depends on it)` };
    if (gone.threads.has(relation.threadId)) return { record, field: 'threadId', message: `cannot remove thread ${relation.threadId}: a relation in it remains (a later change depends on it)` };
    for (const side of ['from', 'to'] as const) {
      if (gone.posts.has(relation[side].postId)) return { record, field: `${side}.postId`, message: `cannot remove post ${relation[side].postId}: a relation still links it (a later change depends on it)` };
    }
  }
  const written = relationRows.flatMap((r) => (r.after ? [r.after] : []));
  if (written.length === 0) return undefined;
  const posts = await reader.posts([...new Set(written.flatMap((r) => [r.from.postId, r.to.postId]))]);
  for (const row of rowsOf(changes, 'posts')) {
    if (row.after) posts.set(row.after.id, row.after);
    else if (row.before) posts.delete(row.before.id);
  }
  const coders = afterRows(await reader.coders(), rowsOf(changes, 'coders'));
  for (const relation of written) {
    const problem = relationProblem(relation, { hasRelationCode: (id) => codes.has(id), hasCoder: (id) => coders.has(id), post: (id): Post | undefined => posts.get(id) });
    if (problem) return { record: `relation ${relation.id}`, ...problem };
  }
  return undefined;
}
