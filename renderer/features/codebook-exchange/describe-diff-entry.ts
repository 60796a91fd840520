/**
 * One line per diff entry. Importing, the line says what ticking it does ("Rename “A” to “B”"),
 * so it is the checkbox's name; comparing versions it says what differs ("“A” → “B”").
 */
import type { CodebookDiffEntry } from '@shared/codebook/codebook-diff';
import { count, quoted } from '@shared/codebook/codebook-problem';
import { FIELD_LABELS } from '@shared/codebook/code-field-values';

export type DiffMode = 'import' | 'compare';

const place = (parentPath: string | null): string => (parentPath === null ? 'the top level' : quoted(parentPath));

export function describeDiffEntry(entry: CodebookDiffEntry, mode: DiffMode, codings = 0): string {
  const doing = mode === 'import';
  switch (entry.kind) {
    case 'added':
      return doing ? `Add ${quoted(entry.path)}` : quoted(entry.path);
    case 'removed': {
      const head = doing ? `Remove ${quoted(entry.path)}` : quoted(entry.path);
      const notes = [
        entry.childCount > 0 ? `its ${count(entry.childCount, 'sub-code')} move${entry.childCount === 1 ? 's' : ''} up` : '',
        doing && codings > 0 ? `deletes its ${count(codings, 'coding')}` : '',
      ].filter(Boolean);
      return notes.length > 0 ? `${head} (${notes.join('; ')})` : head;
    }
    case 'renamed':
      return doing ? `Rename ${quoted(entry.before)} to ${quoted(entry.after)}` : `${quoted(entry.before)} → ${quoted(entry.after)}`;
    case 'moved':
      return doing
        ? `Move ${quoted(entry.name)} from ${place(entry.oldParentPath)} to ${place(entry.newParentPath)}`
        : `${quoted(entry.name)}: ${place(entry.oldParentPath)} → ${place(entry.newParentPath)}`;
    case 'changed':
      return doing ? `Change the ${FIELD_LABELS[entry.field]} of ${quoted(entry.oldPath)}` : `${quoted(entry.oldPath)}: ${FIELD_LABELS[entry.field]}`;
  }
}
