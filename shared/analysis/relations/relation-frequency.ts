/**
 * The relation-code frequency table: per relation code, how many relations each coder made and in
 * how many threads, in the relation codebook's order. Pure over records, so the app's Tables &
 * charts tab and `threadmark table --relations` count the same.
 */
import type { Coder, Relation, RelationCode } from '../../model/records';
import { sortRelationCodes } from '../../project/queries/relation-order';
import { compareStrings } from '../../project/record-order';

export interface RelationFrequencyRow {
  relationCodeId: string;
  name: string;
  color: string;
  /** Relations per coder id, in `coders` order (0 where none). */
  byCoder: number[];
  total: number;
  /** Threads with at least one relation of this code. */
  threads: number;
  /** Of them, relations whose both ends are whole posts, and those with at least one span end. */
  postToPost: number;
  withSpan: number;
}

export interface RelationFrequency {
  coders: Coder[];
  rows: RelationFrequencyRow[];
  total: number;
}

export function relationFrequency(codes: readonly RelationCode[], relations: readonly Relation[], coders: readonly Coder[]): RelationFrequency {
  const used = new Set(relations.map((r) => r.coderId));
  const columns = coders.filter((c) => used.has(c.id)).sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  const column = new Map(columns.map((c, i) => [c.id, i]));
  const rows = new Map<string, RelationFrequencyRow & { threadIds: Set<string> }>();
  for (const code of sortRelationCodes([...codes])) {
    rows.set(code.id, { relationCodeId: code.id, name: code.name, color: code.color, byCoder: columns.map(() => 0), total: 0, threads: 0, postToPost: 0, withSpan: 0, threadIds: new Set() });
  }
  for (const r of relations) {
    const row = rows.get(r.relationCodeId);
    const at = column.get(r.coderId);
    if (!row || at === undefined) continue;
    row.byCoder[at]!++;
    row.total++;
    row.threadIds.add(r.threadId);
    if (r.from.start === undefined && r.to.start === undefined) row.postToPost++;
    else row.withSpan++;
  }
  const out = [...rows.values()].map(({ threadIds, ...row }) => ({ ...row, threads: threadIds.size }));
  return { coders: columns, rows: out, total: out.reduce((n, r) => n + r.total, 0) };
}
