/**
 * An untrusted codebook file (its bytes and name) → codes, or every problem naming file, line and
 * element or column. Runs inside codebook-file.worker.ts; pure, so it is tested in Node.
 */
import type { DiffedField } from '@shared/codebook/code-field-values';
import { readCodebookBytes } from '@shared/codebook/read-codebook-bytes';
import type { Problem } from '@shared/problem/problem';
import type { Code } from '@shared/model/records';
import type { IdSource } from '@shared/util/clock';
import { ok, type Result } from '@shared/util/result';

import { normalizeFields } from '@shared/project/code-rules';

export type CodebookFileFormat = 'qdc' | 'qdpx' | 'csv';

export interface ParsedCodebookFile {
  fileName: string;
  format: CodebookFileFormat;
  /** In file order, parents first; fields stored as the app stores a code typed in. */
  codes: Code[];
  /** Read anyway, worth telling (a colour replaced, sets not imported…). */
  warnings: Problem[];
  /** The producing tool, as a REFI-QDA file names it. */
  origin: string | null;
  /** Per code, fields the file does not give (a CSV column missing, another tool's .qdc): left alone by the diff. */
  unknownFields: Map<string, DiffedField[]>;
}

export type ParseCodebookResult = Result<ParsedCodebookFile, Problem[]>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The format a file is read as: a zip archive is a .qdpx whatever its name; otherwise the
 * extension decides, and a file with another extension is XML when it starts with "<".
 */
export function codebookFileFormat(bytes: Uint8Array, fileName: string): CodebookFileFormat {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'qdpx';
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (extension === 'qdpx') return 'qdpx';
  if (extension === 'qdc' || extension === 'xml') return 'qdc';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') ? 'qdc' : 'csv';
}

export async function parseCodebookFile(bytes: Uint8Array, fileName: string, ids: IdSource): Promise<ParseCodebookResult> {
  const format = codebookFileFormat(bytes, fileName);
  const read = await readCodebookBytes(format, bytes, fileName, ids);
  if (!read.ok) return read;
  const { codes, warnings, origin, unknownFields } = read.value;
  return ok({ fileName, format, codes: codes.map(asStored), warnings, origin, unknownFields });
}


/**
 * Trimmed text, lower-case colour and key, as the codebook panel stores a code: the diff ignores
 * such differences, and what is imported then reads like what was typed.
 */
function asStored(code: Code): Code {
  const { name, color, definition, inclusion, exclusion, examples, shortcut } = code;
  return { ...code, ...normalizeFields({ name, color, definition, inclusion, exclusion, examples, shortcut }) };
}
