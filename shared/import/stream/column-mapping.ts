/**
 * `--map text=body,author=user_name`: which source column holds which post field, for formats
 * whose columns vary. Each such format reads the spec itself (its fields are its own) and parses
 * with the result; a format not listed here takes no mapping, and `--map` is a usage error when no
 * format of the import takes one.
 */
import type { ParsedFile } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { CSV_FORMAT, parseGenericCsv, parseMapSpec, type CsvMappingOverride } from '../formats/csv-parser';
import type { Result } from '../../util/result';

export interface MappingFormat<M = unknown> {
  /** The `--map` text → this format's mapping, or why it is not one. */
  readSpec(spec: string): Result<M, string>;
  parse(text: string, fileName: string, mapping: M): Result<ParsedFile, Problem[]>;
}

export type MappingFormats = Readonly<Record<string, MappingFormat>>;

export const mappingFormats: MappingFormats = {
  [CSV_FORMAT]: mappingFormat<CsvMappingOverride>({ readSpec: parseMapSpec, parse: parseGenericCsv }),
};

/** Erases the mapping's type: readColumnMapping only ever passes a format its own readSpec result. */
export function mappingFormat<M>(format: MappingFormat<M>): MappingFormat {
  return format as MappingFormat;
}

/** A format's mapping read from the spec, ready for readImportFile. */
export interface ColumnMapping {
  /** Format id → its mapping. */
  byFormat: Map<string, { format: MappingFormat; mapping: unknown }>;
}

/** Reads the spec for each candidate format that takes a mapping; why not when every one refuses it. */
export function readColumnMapping(spec: string, candidates: readonly string[], formats: MappingFormats): Result<ColumnMapping, string> {
  const byFormat = new Map<string, { format: MappingFormat; mapping: unknown }>();
  let reason: string | null = null;
  for (const id of candidates) {
    const format = Object.hasOwn(formats, id) ? formats[id] : undefined;
    if (format === undefined) continue;
    const read = format.readSpec(spec);
    if (read.ok) byFormat.set(id, { format, mapping: read.value });
    else reason ??= read.error;
  }
  if (byFormat.size > 0) return { ok: true, value: { byFormat } };
  return { ok: false, error: reason ?? 'none' };
}
