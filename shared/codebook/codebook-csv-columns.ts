/**
 * The columns of a codebook CSV and how one cell of each is read. Reading is forgiving where a
 * researcher typing a file would expect it (column names in any case and with common synonyms,
 * "yes"/"no", colours without "#") and strict elsewhere: an unknown column or an unreadable value
 * is a problem naming it, never silently dropped.
 */
import { err, ok, type Result } from '../util/result';

export const CODEBOOK_CSV_COLUMNS = ['path', 'name', 'parent_path', 'definition', 'inclusion', 'exclusion', 'examples', 'color', 'codable', 'retired', 'shortcut', 'guid'] as const;
export type CodebookCsvColumn = (typeof CODEBOOK_CSV_COLUMNS)[number];

/** Accepted header names per column, compared after `canonical`. */
const SYNONYMS: Record<CodebookCsvColumn, readonly string[]> = {
  path: ['path', 'code_path'],
  name: ['name', 'code', 'code_name'],
  parent_path: ['parent_path', 'parent'],
  definition: ['definition', 'description'],
  inclusion: ['inclusion', 'inclusion_criteria', 'when_to_use'],
  exclusion: ['exclusion', 'exclusion_criteria', 'when_not_to_use'],
  examples: ['examples', 'example'],
  color: ['color', 'colour'],
  codable: ['codable'],
  retired: ['retired'],
  shortcut: ['shortcut', 'key'],
  guid: ['guid', 'id', 'uuid'],
};

const canonical = (name: string): string => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A header problem: the message and the column it names. */
export interface HeaderProblem {
  column: string;
  message: string;
}

/** Which cell index holds which column; unnamed columns are left out (their cells must stay empty). */
export function mapCodebookHeader(names: readonly string[]): Result<Map<CodebookCsvColumn, number>, HeaderProblem> {
  const columns = new Map<CodebookCsvColumn, number>();
  for (const [index, name] of names.entries()) {
    if (name.trim() === '') continue;
    const column = CODEBOOK_CSV_COLUMNS.find((c) => SYNONYMS[c].includes(canonical(name)));
    if (column === undefined) return err({ column: name, message: `unknown column "${name}"; the columns are ${CODEBOOK_CSV_COLUMNS.join(', ')}` });
    if (columns.has(column)) return err({ column: name, message: `column "${name}" repeats the ${column} column` });
    columns.set(column, index);
  }
  if (!columns.has('path') && !columns.has('name')) return err({ column: 'path', message: 'no "path" or "name" column: one of them names each code' });
  return ok(columns);
}

/** Spreadsheet-safe files prefix `'` to cells starting with = + - @ TAB or CR (codebook-csv.ts): removed here. */
export const FORMULA_ESCAPED = /^'(?='*[=+\-@\t\r])/;
export const unescapeFormula = (cell: string): string => cell.replace(FORMULA_ESCAPED, '');

/** "#1F77B4", "1f77b4" or "#abc" → "#1f77b4"; empty → null (a colour is chosen). */
export function readColor(cell: string): Result<string | null> {
  const value = cell.trim().toLowerCase();
  if (value === '') return ok(null);
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/.exec(value);
  if (!m) return err(`"${cell}" is not a colour like #1f77b4`);
  const hex = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return ok(`#${hex}`);
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** true/false, yes/no, y/n, 1/0 in any case; empty → null (the default). */
export function readFlag(cell: string): Result<boolean | null> {
  const value = cell.trim().toLowerCase();
  if (value === '') return ok(null);
  if (TRUE.has(value)) return ok(true);
  if (FALSE.has(value)) return ok(false);
  return err(`"${cell}" is not true or false`);
}

/** One letter a–z or digit 0–9 (stored lower case); empty → none. */
export function readShortcut(cell: string): Result<string | null> {
  const value = cell.trim().toLowerCase();
  if (value === '') return ok(null);
  return /^[a-z0-9]$/.test(value) ? ok(value) : err(`"${cell}" is not one letter a–z or digit 0–9`);
}

/** A GUID as written (any text without spaces, as other tools' ids vary); empty → a new one is made. */
export function readGuid(cell: string): Result<string | null> {
  const value = cell.trim();
  if (value === '') return ok(null);
  return /\s/.test(value) ? err(`"${cell}" is not an id: it contains a space`) : ok(value);
}
