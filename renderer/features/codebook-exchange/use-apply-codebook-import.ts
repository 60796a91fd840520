import { useCallback } from 'react';

import { applyCodebookDiff } from '@shared/codebook/apply-codebook-diff';
import { formatCodebookProblem } from '@shared/codebook/codebook-problem';
import { err, ok, type Result } from '@shared/util/result';
import { applyCodebookImport } from '@shared/project/operations/codebook-import';

import { useServices } from '../../app/services';
import { runCodebookOperation, type CodebookResult } from '../../db/project-store';
import { journalStep } from '../coding/journal-step';
import { describeDiffEntry } from './describe-diff-entry';
import { codingsToDelete } from './diff-selection';
import type { CodebookFileReview } from './use-codebook-file-review';

export interface ImportOutcome {
  /** Whether anything was written (an undoable step). */
  changed: boolean;
  /** Ticked changes that could not be made as asked: "Move “A” …: not done, because …". */
  skipped: string[];
}

/**
 * Applies the ticked entries in one transaction (logged, kind 'import') and makes the import one
 * undoable step. A refusal comes back as a sentence naming the code and field; nothing is written.
 */
export function useApplyCodebookImport(): (review: CodebookFileReview, taken: ReadonlySet<string>) => Promise<Result<ImportOutcome, string>> {
  const { db, tracker, history, clock, ids, announce } = useServices();
  return useCallback(
    async ({ file, base, diff, codingCounts }, taken) => {
      const merged = applyCodebookDiff(base, file.codes, diff, taken, ids);
      const plan = { source: file.fileName, base, codes: merged.codes, applied: merged.applied, codingsToDelete: codingsToDelete(diff.entries, taken, codingCounts) };
      const deps = { clock, ids };
      let written: CodebookResult;
      try {
        written = await tracker.track('import codebook', runCodebookOperation(db, deps, applyCodebookImport, plan));
      } catch (error) {
        return err(`The import was rolled back: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!written.ok) return err(formatCodebookProblem(written.error));
      const op = written.value;
      if (op.entryId !== null) {
        history.push(journalStep({ db, tracker, clock, ids }, `the codebook import from “${file.fileName}”`, op.entryId));
        announce(`${op.summary}. Ctrl+Z undoes the import.`);
      }
      const byKey = new Map(diff.entries.map((e) => [e.key, e]));
      const skipped = merged.skipped.map((s) => {
        const entry = byKey.get(s.key);
        return `${entry ? describeDiffEntry(entry, 'import') : s.codeId}: not done, because ${s.reason}`;
      });
      return ok({ changed: op.codes.length > 0, skipped });
    },
    [db, tracker, history, clock, ids, announce],
  );
}
