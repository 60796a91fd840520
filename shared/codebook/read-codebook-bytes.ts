/**
 * An untrusted codebook file's bytes → codes, by format: REFI-QDA `.qdc`, the codebook of a
 * `.qdpx` project, or a codebook CSV. The app's codebook Worker and `threadmark import` both read
 * through here; every failure is a problem naming the file.
 */
import type { Problem } from '../problem/problem';
import { decodeText } from '../import/decode-text';
import type { IdSource } from '../util/clock';
import { err, ok, type Result } from '../util/result';
import { readCodebookCsv } from './codebook-csv';
import type { ImportedCodebook } from './refi/imported-codebook';
import { readQdc } from './refi/read-qdc';
import { readQdpxCodebook } from './refi/read-qdpx-codebook';
import type { InflateRaw } from '../zip/zip-entry-data';

export type CodebookBytesFormat = 'qdc' | 'qdpx' | 'csv';

export async function readCodebookBytes(format: CodebookBytesFormat, bytes: Uint8Array, fileName: string, ids: IdSource, inflate?: InflateRaw): Promise<Result<ImportedCodebook, Problem[]>> {
  if (format === 'qdc') return readQdc(bytes, fileName);
  if (format === 'qdpx') return readQdpxCodebook(bytes, fileName, { inflate });
  const text = decodeText(bytes, fileName);
  if (!text.ok) return err([text.error]);
  const read = readCodebookCsv(text.value, fileName, ids);
  return read.ok ? ok({ codes: read.value.codes, warnings: [], origin: null, unknownFields: read.value.unknownFields }) : read;
}
