/**
 * A codebook file for `threadmark import`: which files are codebooks (.qdc and .qdpx by their
 * extension; a codebook CSV only when `--format codebook-csv` says so, since CSV is also a thread
 * format), and reading one into codes. Every failure is a problem naming the file.
 */
import { readCodebookBytes } from '@shared/codebook/read-codebook-bytes';
import type { ImportedCodebook } from '@shared/codebook/refi/imported-codebook';
import type { Problem } from '@shared/problem/problem';
import type { IdSource } from '@shared/util/clock';
import { err, type Result } from '@shared/util/result';

import { describeFileError } from '../io';
import { nodeInflateRaw } from '../node-inflate';
import type { ImportIo } from '../import/import-io';

export const CODEBOOK_FORMATS = ['qdc', 'qdpx', 'codebook-csv'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

export function isCodebookFormat(format: string): format is CodebookFormat {
  return (CODEBOOK_FORMATS as readonly string[]).includes(format);
}

/** `.qdc` / `.qdpx` in any letter case; null for anything else (CSV included). */
export function codebookFormatOfName(path: string): CodebookFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === 'qdc' || ext === 'qdpx' ? ext : null;
}

export async function readCodebookFile(io: ImportIo, path: string, format: CodebookFormat, ids: IdSource): Promise<Result<ImportedCodebook, Problem[]>> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(path);
  } catch (e) {
    return err([{ file: path, message: `cannot read the file: ${describeFileError(e)}` }]);
  }
  if (bytes.byteLength === 0) return err([{ file: path, message: 'the file is empty' }]);
  return readCodebookBytes(format === 'codebook-csv' ? 'csv' : format, bytes, path, ids, nodeInflateRaw);
}
