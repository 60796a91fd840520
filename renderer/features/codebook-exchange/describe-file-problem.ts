/**
 * "team.qdc, line 4, element Codes/Code[2] (guid): …", "codes.csv, line 3, column color: …":
 * where in the file a researcher finds what is wrong, in the words of its format.
 */
import type { ImportProblem } from '@shared/import/raw-post';

import type { CodebookFileFormat } from './parse-codebook-file';

export function describeFileProblem(problem: ImportProblem, format: CodebookFileFormat): string {
  const { file, line, record, field, message } = problem;
  const where = [file, line === undefined ? '' : `line ${line}`, recordPlace(format, record, field)].filter(Boolean);
  return `${where.join(', ')}: ${message}`;
}

function recordPlace(format: CodebookFileFormat, record: string | undefined, field: string | undefined): string {
  if (format === 'csv') return field === undefined ? '' : `column ${field}`;
  if (record === undefined) return field === undefined ? '' : `(${field})`;
  // In a .qdpx a problem is either in the archive (an entry's name) or in the project's XML.
  const noun = format === 'qdpx' && !/^(CodeBook|Project)\b/.test(record) ? 'archive entry' : 'element';
  return `${noun} ${record}${field === undefined ? '' : ` (${field})`}`;
}
