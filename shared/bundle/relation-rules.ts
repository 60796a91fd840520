/**
 * Cross-record rules of the relation codebook and relations in a bundle: relation code names are
 * unique; each relation's code, coder and posts exist, both posts are in its thread and each span
 * end addresses its post's text exactly (shared/project/relation-rules.ts, the core's same rules).
 */
import type { Post } from '../model/records';
import { relationProblem } from '../project/relation-rules';
import type { CheckedRecords, KnownIds } from './bundle-rules';
import type { RecordArrayName } from './bundle-schema';

type Report = (array: RecordArrayName, index: number, id: string, field: string, message: string) => void;

export function checkRelations(checked: CheckedRecords, known: KnownIds, postsById: ReadonlyMap<string, Post>, report: Report): void {
  const names = new Map<string, string>();
  for (const { index, value: c } of checked.relationCodes) {
    const key = c.name.trim().toLowerCase();
    const first = names.get(key);
    if (first !== undefined) report('relationCodes', index, c.id, 'name', `relation code “${c.name}” is defined twice (also relation code ${JSON.stringify(first)})`);
    else names.set(key, c.id);
  }
  for (const { index, value: r } of checked.relations) {
    if (!known.threads.has(r.threadId)) {
      report('relations', index, r.id, 'threadId', `unknown thread ${JSON.stringify(r.threadId)}`);
      continue;
    }
    const problem = relationProblem(r, {
      hasRelationCode: (id) => known.relationCodes.has(id),
      hasCoder: (id) => known.coders.has(id),
      post: (id) => postsById.get(id),
    });
    if (problem) report('relations', index, r.id, problem.field, problem.message);
  }
}
