/**
 * The codebook-only change log (bundle format 2, database version 3) becomes journal entries: one
 * entry per operation (its rows share `operationId`), in the order the rows were written, with each
 * row's code before and after. Used by the database migration and the bundle reader alike, so a
 * project's history reads the same whichever way it arrives.
 */
import type { CodebookChange } from '../model/records';
import type { JournalEntry } from './journal-entry';
import { compareStrings } from './record-order';

const OPERATION_OF_KIND: Record<CodebookChange['kind'], string> = {
  add: 'code.add',
  edit: 'code.edit',
  move: 'code.move',
  delete: 'code.delete',
  merge: 'code.merge',
  split: 'code.split',
  import: 'codebook.import',
};

/** `coderNames` names each entry's actor (the coder's name, else the id). */
export function journalFromChangeLog(changes: readonly CodebookChange[], coderNames: ReadonlyMap<string, string>): JournalEntry[] {
  const ordered = [...changes].sort((a, b) => compareStrings(a.at, b.at) || compareStrings(a.id, b.id));
  const groups = new Map<string, CodebookChange[]>();
  for (const change of ordered) {
    const group = groups.get(change.operationId);
    if (group) group.push(change);
    else groups.set(change.operationId, [change]);
  }
  return [...groups.values()].map((rows, i) => {
    const first = rows[0]!;
    const kinds = new Set(rows.map((r) => r.kind));
    const kind = kinds.size === 1 ? first.kind : rows.find((r) => r.kind !== 'edit')?.kind ?? first.kind;
    return {
      id: first.operationId,
      seq: i + 1,
      at: first.at,
      actorId: first.coderId,
      actorName: coderNames.get(first.coderId) ?? first.coderId,
      operation: OPERATION_OF_KIND[kind],
      summary: commonSummary(rows),
      changes: rows.map((r) => ({ table: 'codes' as const, id: r.codeId, before: r.before, after: r.after })),
      addedPosts: [],
      reverts: null,
    };
  });
}

/** The operation's sentence: the one its rows share, else the first row's. */
function commonSummary(rows: readonly CodebookChange[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.summary, (counts.get(r.summary) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
