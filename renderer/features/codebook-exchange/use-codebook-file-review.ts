import { useEffect, useState } from 'react';

import { diffCodebooks, type CodebookDiff } from '@shared/codebook/codebook-diff';
import type { Problem } from '@shared/problem/problem';
import type { Code } from '@shared/model/records';
import { codebookInTreeOrder, codingCountsOfCodes } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { storeOf } from '../../db/project-store';
import type { OpenedBinaryFile } from '../../platform/platform';
import { readCodebookFileInWorker } from './codebook-file-client';
import { describeFileProblem } from './describe-file-problem';
import { codebookFileFormat, type ParsedCodebookFile } from './parse-codebook-file';

/** A parsed file next to the project's codebook as it was when compared: what the dialog shows. */
export interface CodebookFileReview {
  file: ParsedCodebookFile;
  /** The project's codebook the diff was computed against (the import is refused if it changes). */
  base: Code[];
  diff: CodebookDiff;
  codingCounts: ReadonlyMap<string, number>;
  /** The file's warnings, each naming file, line and element or column. */
  warnings: string[];
}

export type FileReviewState = { kind: 'reading' } | { kind: 'refused'; problems: string[] } | { kind: 'ready'; review: CodebookFileReview };

/** Reads the file in a Worker, then compares it with the project's codebook. Nothing is written. */
export function useCodebookFileReview(opened: OpenedBinaryFile): FileReviewState {
  const { db } = useServices();
  const [state, setState] = useState<FileReviewState>({ kind: 'reading' });

  useEffect(() => {
    const abort = new AbortController();
    const format = codebookFileFormat(opened.bytes, opened.name);
    const describe = (problems: readonly Problem[]): string[] => problems.map((p) => describeFileProblem(p, format));
    void (async () => {
      const parsed = await readCodebookFileInWorker(opened, abort.signal);
      if (abort.signal.aborted) return;
      if (!parsed.ok) {
        setState({ kind: 'refused', problems: describe(parsed.error) });
        return;
      }
      const [base, codingCounts] = await storeOf(db).read((reader) => Promise.all([codebookInTreeOrder(reader), codingCountsOfCodes(reader)]));
      if (abort.signal.aborted) return;
      const file = parsed.value;
      setState({ kind: 'ready', review: { file, base, diff: diffCodebooks(base, file.codes, file.unknownFields), codingCounts, warnings: describe(file.warnings) } });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) setState({ kind: 'refused', problems: [`${opened.name}: ${error instanceof Error ? error.message : String(error)}`] });
    });
    return () => abort.abort();
  }, [db, opened]);

  return state;
}
