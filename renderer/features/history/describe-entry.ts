/** A journal entry in words for the History panel: its operation, what it changed, why a revert was refused. */
import type { Problem } from '@shared/problem/problem';
import type { JournalEntry } from '@shared/project/journal-entry';
import { describeEntry, type TableCounts } from '@shared/project/queries/history';
import type { TableName } from '@shared/project/tables';

/** Every operation kind the core journals, with its label, in the order the kind filter offers them. */
export const OPERATION_LABELS: ReadonlyArray<readonly [kind: string, label: string]> = [
  ['coding.add', 'Coded'],
  ['coding.remove', 'Removed a coding'],
  ['coding.memo', 'Edited a memo'],
  ['code.exemplar', 'Marked an exemplar'],
  ['code.add', 'Added a code'],
  ['code.edit', 'Edited a code'],
  ['code.move', 'Moved a code'],
  ['code.merge', 'Merged codes'],
  ['code.split', 'Split a code'],
  ['code.delete', 'Deleted a code'],
  ['codebook.import', 'Imported a codebook'],
  ['codebook.version', 'Named a codebook version'],
  ['threads.import', 'Imported threads'],
  ['bundle.import', 'Imported a project bundle'],
  ['qdpx.import', 'Imported a REFI-QDA project (.qdpx)'],
  ['thread.rename', 'Renamed a thread'],
  ['thread.delete', 'Deleted a thread'],
  ['project.create', 'Created the project'],
  ['project.rename', 'Renamed the project'],
  ['project.pseudonym-secret', 'Made the pseudonym secret'],
  ['coders.add', 'Added a coder'],
  ['coders.add-layer', 'Added a coder file'],
  ['round.start', 'Started a round'],
  ['round.merge', 'Merged coder files'],
  ['consensus.decide', 'Adjudicated'],
  ['consensus.propose', 'Pre-decided by majority'],
  ['consensus.rule', 'Applied a consensus rule'],
  ['consensus.agreed', 'Took agreed codings into consensus'],
  ['project.terms', 'Set the platform terms'],
  ['thread.terms', 'Set a thread’s collection details'],
  ['platform.deletions', 'Applied platform deletions'],
  ['coding.quoted', 'Marked a quote'],
  ['integrity.repair', 'Repaired the project'],
  ['revert', 'Reverted'],
];

const LABEL_OF = new Map(OPERATION_LABELS);

/** The entry's operation in words: "Coded", "Merged codes"; a revert says whether it was an undo or a redo. */
export function operationLabel(entry: Pick<JournalEntry, 'operation' | 'summary'>): string {
  if (entry.operation === 'revert') {
    if (entry.summary.startsWith('Undid')) return 'Undid';
    if (entry.summary.startsWith('Redid')) return 'Redid';
    return 'Reverted';
  }
  return LABEL_OF.get(entry.operation) ?? entry.operation;
}

const NOUNS: Record<TableName, [one: string, many: string]> = {
  projects: ['project', 'projects'],
  threads: ['thread', 'threads'],
  posts: ['post', 'posts'],
  codes: ['code', 'codes'],
  coders: ['coder', 'coders'],
  codings: ['coding', 'codings'],
  codebookVersions: ['codebook version', 'codebook versions'],
  assignments: ['assignment', 'assignments'],
  rounds: ['round', 'rounds'],
  decisions: ['decision', 'decisions'],
  memos: ['memo', 'memos'],
  attributes: ['attribute', 'attributes'],
  attributeValues: ['attribute value', 'attribute values'],
  relationCodes: ['relation code', 'relation codes'],
  relations: ['relation', 'relations'],
};

const count = (n: number, table: TableName): string => `${n} ${NOUNS[table][n === 1 ? 0 : 1]}`;

/** What an entry changed, counted (the core's describeEntry): "1 coding added", "3 codings changed, 1 code removed". */
export function changeCounts(entry: JournalEntry): string {
  const parts: string[] = [];
  for (const [table, counts] of Object.entries(describeEntry(entry).tables) as Array<[TableName, TableCounts]>) {
    if (counts.added > 0) parts.push(`${count(counts.added, table)} added`);
    if (counts.changed > 0) parts.push(`${count(counts.changed, table)} changed`);
    if (counts.removed > 0) parts.push(`${count(counts.removed, table)} removed`);
  }
  return parts.length === 0 ? 'nothing changed' : parts.join(', ');
}

/** What a revert reverted: "Reverts #12". */
export function revertNote(target: Pick<JournalEntry, 'seq'> | undefined): string {
  // The revert's own summary already says what it undid or redid; the note points at the entry.
  return target ? `Reverts #${target.seq}` : 'Reverts an entry that is no longer in the journal';
}

/**
 * A refused revert as a researcher reads it: "Not reverted. The coding changed since “Coded …”, so
 * it cannot be reverted." Record ids are for logs and are left out; a named record keeps its name.
 */
export function refusalText(problem: Problem): string {
  const record = problem.record ?? '';
  const message = problem.message.replace(/\.$/, '');
  // "coding 1f0e…", "codebook version v-1", "post p-2": the kind of record, without its id.
  const kind = /^(codebook version|assignment|coding|code|coder|thread|post|project)\b/.exec(record)?.[1];
  if (kind && /^(?:changed|was removed|was added again) since/.test(message)) return `Not reverted. The ${kind} ${message}.`;
  const named = /^[a-z ]+? (“.*”) \(id [^)]*\)$/.exec(record)?.[1];
  return `Not reverted: ${named ? `${named}: ` : ''}${message}.`;
}
