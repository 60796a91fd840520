/**
 * "team.qdc (line 4, element Codes/Code[2], field guid): …", "codes.csv (line 3, column color): …":
 * where in the file a researcher finds what is wrong, in the words of its format (formatProblem).
 */
import { formatProblem, type Problem, type ProblemWords } from '@shared/problem/problem';

import type { CodebookFileFormat } from './parse-codebook-file';

export function describeFileProblem(problem: Problem, format: CodebookFileFormat): string {
  return formatProblem(problem, wordsOf(format, problem.record));
}

function wordsOf(format: CodebookFileFormat, record: string | undefined): ProblemWords {
  if (format === 'csv') return { record: 'row', field: 'column' };
  // In a .qdpx a problem is either in the archive (an entry's name) or in the project's XML.
  const inArchive = format === 'qdpx' && record !== undefined && !/^(CodeBook|Project)\b/.test(record);
  return { record: inArchive ? 'archive entry' : 'element' };
}
