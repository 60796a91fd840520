/**
 * The codebook's change log as a view of the project journal: one row per code an entry changed
 * (who, when, what, the code before and after), newest first. The Versions dialog's change log and
 * a code's own history read it.
 */
import { describeCodeChange } from '../../codebook/describe-code-change';
import type { Code, CodebookChange, CodebookChangeKind } from '../../model/records';
import type { JournalEntry } from '../journal-entry';
import { compareStrings } from '../record-order';

const KIND_OF_OPERATION: Record<string, CodebookChangeKind> = {
  'code.add': 'add',
  'code.edit': 'edit',
  'code.exemplar': 'edit',
  'code.move': 'move',
  'code.delete': 'delete',
  'code.merge': 'merge',
  'code.split': 'split',
  'codebook.import': 'import',
};

/**
 * Entries that change the codebook as such: codebook operations and their undos, redos and reverts.
 * Opening a bundle, importing threads or adding a coder's file may add codes too, but they are
 * project events, listed in the History view.
 */
const isCodebookEntry = (entry: JournalEntry): boolean => entry.operation in KIND_OF_OPERATION || entry.operation === 'revert';

export function codebookChanges(entries: readonly JournalEntry[], filter: { codeId?: string } = {}): CodebookChange[] {
  const rows: CodebookChange[] = [];
  // Every code as the journal last left it, to name the parents in an import's sentences.
  const known = new Map<string, Code>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    for (const change of entry.changes) {
      const code = (change.after ?? change.before) as Code | null;
      if (change.table === 'codes' && code) known.set(code.id, code);
    }
    if (!isCodebookEntry(entry)) continue;
    // An import changes many codes: each row says what happened to its code.
    const names = entry.operation === 'codebook.import' ? known : null;
    entry.changes.forEach((change, i) => {
      if (change.table !== 'codes' || (filter.codeId !== undefined && change.id !== filter.codeId)) return;
      const before = change.before as Code | null;
      const after = change.after as Code | null;
      let kind = KIND_OF_OPERATION[entry.operation] ?? 'edit';
      if (before === null) kind = 'add';
      else if (after === null) kind = 'delete';
      else if (kind === 'add' || kind === 'delete') kind = 'edit';
      const summary = names ? describeCodeChange(before, after, names) : entry.summary;
      rows.push({ id: `${entry.id}:${i}`, operationId: entry.id, at: entry.at, coderId: entry.actorId, kind, codeId: change.id, summary, before, after });
    });
  }
  return rows.sort((a, b) => compareStrings(b.at, a.at) || compareStrings(a.operationId, b.operationId) || compareStrings(a.id, b.id));
}

