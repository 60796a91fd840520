/**
 * A difference a codebook import did not take, as one stderr line with the code's path:
 * `left: Fallacy > Derailing: renamed to “Derailment” in new.qdc: not taken (--take all takes it)`.
 */
import { FIELD_LABELS } from './code-field-values';
import type { ChangedEntry, CodebookDiffEntry } from './codebook-diff';
import { quoted } from './describe-code-change';

/** Why it was left: not asked for, or asked for and refused (the reason then says why). */
export type LeftGroup = 'not taken' | 'refused';

export interface LeftDifference {
  kind: CodebookDiffEntry['kind'];
  /** The code's path in the bundle; for a code the bundle lacks, its path in the file. */
  path: string;
  what: string;
  reason: string;
  group: LeftGroup;
}

export function leftDifference(entry: CodebookDiffEntry, file: string, reason: string, group: LeftGroup): LeftDifference {
  return { kind: entry.kind, path: entry.kind === 'added' || entry.kind === 'removed' ? entry.path : entry.oldPath, what: describeDifference(entry, file), reason, group };
}

export function formatLeft(left: LeftDifference): string {
  return `left: ${left.path}: ${left.what}: ${left.reason}`;
}

function describeDifference(entry: CodebookDiffEntry, file: string): string {
  switch (entry.kind) {
    case 'added':
      return `new in ${file} (${entry.parentPath === null ? 'at the top level' : `under ${quoted(entry.parentPath)}`})`;
    case 'removed':
      return `not in ${file}${entry.childCount > 0 ? ` (its ${entry.childCount} sub-code${entry.childCount === 1 ? '' : 's'} would move up)` : ''}`;
    case 'renamed':
      return `renamed to ${quoted(entry.after)} in ${file}`;
    case 'moved':
      return `moved ${entry.newParentPath === null ? 'to the top level' : `under ${quoted(entry.newParentPath)}`} in ${file}`;
    case 'changed':
      return `${describeField(entry)} in ${file}`;
  }
}

function describeField(entry: ChangedEntry): string {
  switch (entry.field) {
    case 'codable':
      return entry.after ? 'made codable' : 'made a category (not codable)';
    case 'retired':
      return entry.after ? 'retired' : 'brought back into use';
    case 'color':
      return `its colour differs (${entry.before} here, ${entry.after} there)`;
    case 'shortcut':
      return `its shortcut differs (${entry.before ?? 'none'} here, ${entry.after ?? 'none'} there)`;
    default:
      return `its ${FIELD_LABELS[entry.field]} differ${entry.field === 'definition' ? 's' : ''}`;
  }
}
