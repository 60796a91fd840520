/**
 * Bundle format version 2 → 3, on the parsed JSON before validation: the codebook's change log
 * (`codebookChanges`) becomes the project journal (`journal`), one entry per operation. Change-log
 * rows are checked first and reported under their v2 names, since the file says `codebookChanges`.
 */
import type { Problem } from '../problem/problem';
import type { CodebookChange } from '../model/records';
import { journalFromChangeLog } from '../project/journal-from-change-log';
import { codebookChangeSchema } from './bundle-schema';
import { recordLabel } from './problem';
import { issueMessage, issuesToProblems } from './zod-problems';

type Raw = Record<string, unknown>;

export function migrateBundleV2(v2: Readonly<Raw>): { ok: true; value: Raw } | { ok: false; error: Problem[] } {
  const { codebookChanges, ...rest } = v2;
  const rows = codebookChanges === undefined ? [] : codebookChanges;
  if (!Array.isArray(rows)) return { ok: false, error: [{ record: 'bundle', field: 'codebookChanges', message: 'expected an array' }] };
  const problems: Problem[] = [];
  const changes: CodebookChange[] = [];
  rows.forEach((row, index) => {
    const parsed = codebookChangeSchema.safeParse(row, { error: issueMessage });
    if (parsed.success) changes.push(parsed.data);
    else problems.push(...issuesToProblems(parsed.error.issues, recordLabel('codebookChanges', index, (row as Raw | null)?.id)));
  });
  if (problems.length > 0) return { ok: false, error: problems };
  const names = new Map<string, string>();
  for (const coder of Array.isArray(v2.coders) ? v2.coders : []) {
    const { id, name } = (coder ?? {}) as Raw;
    if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
  }
  return { ok: true, value: { ...rest, formatVersion: 3, journal: journalFromChangeLog(changes, names) } };
}
