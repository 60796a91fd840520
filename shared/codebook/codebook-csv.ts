/**
 * The codebook as CSV, for spreadsheets and for MAXQDA/NVivo import: one row per code in tree
 * order, columns `path,name,parent_path,definition,inclusion,exclusion,examples,color,codable,
 * retired,shortcut,guid`. RFC 4180 with CRLF record ends (shared/util/csv.ts); the caller encodes
 * the string as UTF-8 (add a BOM for Excel).
 *
 * - `path` and `parent_path` join names with " > "; a `>` or `\` inside a name is escaped with a
 *   backslash (escaped-code-path.ts). `name` holds the name as it is.
 * - `examples` holds one example per line; line breaks inside one example therefore read back as
 *   separate examples.
 * - 'formula-safe' prefixes `'` to any cell a spreadsheet would run as a formula (= + - @ TAB CR,
 *   OWASP CSV injection: docs/reliability.md, "Formulas in exported CSV") and quotes it; 'raw'
 *   writes cells as they are. The reader removes that prefix, so a raw cell that really starts with `'=` reads back as `=`.
 *
 * Reading (parseCodebookCsv) takes what this writes and what a researcher may type: any subset of
 * the columns as long as `path` or `name` is there. A missing guid gets a new id, a missing colour
 * one from a fixed palette, and levels of a path that have no row of their own become codes.
 */
import { codeCountProblem, MAX_CODE_DEPTH } from './code-limits';
import { EMPTY_CODE_FIELDS, type Code } from '../model/records';
import { MAX_PROBLEMS, ProblemList } from '../import/import-problem';
import { detectDelimiter, headerLine, readCsv, type CsvRow } from '../import/formats/csv-table';
import type { Problem } from '../problem/problem';
import type { IdSource } from '../util/clock';
import { toCsv } from '../util/csv';
import { err, ok, type Result } from '../util/result';
import { sortCodesAsTree } from './code-path';
import { CODEBOOK_CSV_COLUMNS, mapCodebookHeader, readColor, readFlag, readGuid, readShortcut, unescapeFormula, type CodebookCsvColumn } from './codebook-csv-columns';
import { DIFFED_FIELDS, type DiffedField } from './code-field-values';
import { escapedCodePaths, splitEscapedPath } from './escaped-code-path';

export type CodebookCsvMode = 'raw' | 'formula-safe';

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Colours for codes a file gives none, the same the codebook panel offers first. */
const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#469990', '#9a6324'];

export function codebookCsv(codes: readonly Code[], options: { mode: CodebookCsvMode }): string {
  const paths = escapedCodePaths(codes);
  const rows = sortCodesAsTree(codes).map(({ code }) => {
    const path = paths.get(code.id) ?? '';
    const parentPath = code.parentId !== null && code.parentId !== code.id ? (paths.get(code.parentId) ?? '') : '';
    return [
      path,
      code.name,
      parentPath,
      code.definition,
      code.inclusion,
      code.exclusion,
      code.examples.join('\n'),
      code.color,
      String(code.codable),
      String(code.retired),
      code.shortcut ?? '',
      code.id,
    ];
  });
  if (options.mode === 'raw') return toCsv([[...CODEBOOK_CSV_COLUMNS], ...rows]);
  const safe = rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell)));
  return toCsv([[...CODEBOOK_CSV_COLUMNS], ...safe], { alsoQuote: /^'/ });
}

/** One data row, read and checked cell by cell. */
interface CodeRow {
  line: number;
  /** Fields this row does not give: its column is missing, or (colour, flags) its cell is empty. */
  unknown: DiffedField[];
  /** Names from the root down, this code's last. */
  names: string[];
  guid: string | null;
  color: string | null;
  fields: Pick<Code, 'definition' | 'inclusion' | 'exclusion' | 'examples' | 'codable' | 'retired' | 'shortcut'>;
}

/** The codes of a codebook CSV, and per code the fields the file does not give (for diffCodebooks). */
export interface CodebookCsv {
  codes: Code[];
  unknownFields: Map<string, DiffedField[]>;
}

export function parseCodebookCsv(text: string, fileName: string, ids: IdSource): Result<Code[], Problem[]> {
  const read = readCodebookCsv(text, fileName, ids);
  return read.ok ? ok(read.value.codes) : read;
}

export function readCodebookCsv(text: string, fileName: string, ids: IdSource): Result<CodebookCsv, Problem[]> {
  const delimiter = detectDelimiter(headerLine(text)) ?? ',';
  let columns = new Map<CodebookCsvColumn, number>();
  let unnamed: number[] = [];
  const rows: CodeRow[] = [];
  const problems = readCsv(
    text,
    fileName,
    delimiter,
    {
      header(names, line) {
        const mapped = mapCodebookHeader(names);
        if (!mapped.ok) return { file: fileName, line, field: mapped.error.column, message: mapped.error.message };
        columns = mapped.value;
        unnamed = names.flatMap((name, i) => (name.trim() === '' ? [i] : []));
        return null;
      },
      row(row) {
        const read = readRow(row, columns, unnamed);
        if (!read.ok) return { file: fileName, line: row.line, field: read.error.column, message: read.error.message };
        rows.push(read.value);
        return null;
      },
    },
    MAX_PROBLEMS,
  );
  if (problems.length > 0) return err(problems);
  return buildCodes(rows, fileName, ids);
}

function readRow(row: CsvRow, columns: ReadonlyMap<CodebookCsvColumn, number>, unnamed: readonly number[]): Result<CodeRow, { column: string; message: string }> {
  const cell = (column: CodebookCsvColumn): string => {
    const index = columns.get(column);
    return index === undefined ? '' : unescapeFormula(row.cells[index] ?? '').replace(/\r\n?/g, '\n');
  };
  const stray = unnamed.find((i) => (row.cells[i] ?? '').trim() !== '');
  if (stray !== undefined) return err({ column: `column ${stray + 1}`, message: `a value in column ${stray + 1}, which has no name in the header` });

  const path = splitEscapedPath(cell('path'));
  const name = cell('name').trim();
  const parentPath = splitEscapedPath(cell('parent_path'));
  if (path.length === 0 && name === '') return err({ column: columns.has('path') ? 'path' : 'name', message: 'the row names no code: its path and name are empty' });
  // Before any path is joined or sliced per level, which would cost the square of a hostile depth.
  const levels = path.length > 0 ? path.length : parentPath.length + 1;
  if (levels > MAX_CODE_DEPTH) return err({ column: path.length > 0 ? 'path' : 'parent_path', message: `the path has ${levels} levels, more than the ${MAX_CODE_DEPTH} Threadmark accepts` });
  if (path.includes('') || parentPath.includes('')) return err({ column: path.includes('') ? 'path' : 'parent_path', message: 'the path has an empty level (two > in a row, or one at an end)' });
  if (path.length > 0 && name !== '' && path[path.length - 1] !== name) {
    return err({ column: 'name', message: `the name "${name}" is not the last level of the path "${cell('path')}"; change both or leave one empty` });
  }
  if (path.length > 0 && parentPath.length > 0 && parentPath.join('\u0000') !== path.slice(0, -1).join('\u0000')) {
    return err({ column: 'parent_path', message: `the parent path "${cell('parent_path')}" does not match the path "${cell('path')}"; change both or leave one empty` });
  }

  const color = readColor(cell('color'));
  if (!color.ok) return err({ column: 'color', message: color.error });
  const codable = readFlag(cell('codable'));
  if (!codable.ok) return err({ column: 'codable', message: codable.error });
  const retired = readFlag(cell('retired'));
  if (!retired.ok) return err({ column: 'retired', message: retired.error });
  const shortcut = readShortcut(cell('shortcut'));
  if (!shortcut.ok) return err({ column: 'shortcut', message: shortcut.error });
  const guid = readGuid(cell('guid'));
  if (!guid.ok) return err({ column: 'guid', message: guid.error });

  const unknown = DIFFED_FIELDS.filter((field) => {
    const column = field === 'color' ? 'color' : field;
    if (!columns.has(column)) return true;
    if (field === 'color') return color.value === null;
    if (field === 'codable') return codable.value === null;
    if (field === 'retired') return retired.value === null;
    return false;
  });
  return ok({
    line: row.line,
    unknown,
    names: path.length > 0 ? path : [...parentPath, name],
    guid: guid.value,
    color: color.value,
    fields: {
      definition: cell('definition'),
      inclusion: cell('inclusion'),
      exclusion: cell('exclusion'),
      examples: cell('examples').split('\n').map((e) => e.trim()).filter((e) => e !== ''),
      codable: codable.value ?? EMPTY_CODE_FIELDS.codable,
      retired: retired.value ?? EMPTY_CODE_FIELDS.retired,
      shortcut: shortcut.value,
    },
  });
}

/**
 * Rows → codes in file order, each path level that has no row of its own made a code just before
 * the first row below it. Sibling order follows the file. Duplicate paths, GUIDs and shortcuts are
 * problems: the file could not say which code a child or a key belongs to.
 */
function buildCodes(rows: readonly CodeRow[], fileName: string, ids: IdSource): Result<CodebookCsv, Problem[]> {
  const problems = new ProblemList(fileName);
  const key = (names: readonly string[]): string => names.join('\u0000');
  const idByPath = new Map<string, string>();
  const firstLine = { path: new Map<string, number>(), guid: new Map<string, number>(), shortcut: new Map<string, number>() };
  const seen = (kind: keyof typeof firstLine, value: string, line: number, field: string, what: string): void => {
    const first = firstLine[kind].get(value);
    if (first === undefined) firstLine[kind].set(value, line);
    else problems.add({ file: fileName, line, field, message: `${what} is already used on line ${first}` });
  };
  const rowIds = rows.map((row) => {
    seen('path', key(row.names), row.line, 'path', `the path "${row.names.join(' > ')}"`);
    if (row.guid !== null) seen('guid', row.guid, row.line, 'guid', `the guid "${row.guid}"`);
    if (row.fields.shortcut !== null) seen('shortcut', row.fields.shortcut, row.line, 'shortcut', `the shortcut "${row.fields.shortcut}"`);
    const id = row.guid ?? ids.newId();
    if (!idByPath.has(key(row.names))) idByPath.set(key(row.names), id);
    return id;
  });
  if (problems.count > 0) return err(problems.list());

  const codes: Code[] = [];
  const unknownFields = new Map<string, DiffedField[]>();
  const childCount = new Map<string | null, number>();
  const add = (id: string, names: readonly string[], color: string | null, fields: CodeRow['fields'] | null): void => {
    const parentId = names.length > 1 ? idByPath.get(key(names.slice(0, -1)))! : null;
    const order = childCount.get(parentId) ?? 0;
    childCount.set(parentId, order + 1);
    const base = { ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [] };
    codes.push({ ...base, ...fields, id, name: names[names.length - 1]!, parentId, order, color: color ?? PALETTE[codes.length % PALETTE.length]! });
  };
  rows.forEach((row, i) => {
    // Levels above this code that no row names become plain codes, top first.
    for (let depth = 1; depth < row.names.length; depth++) {
      const ancestor = row.names.slice(0, depth);
      if (idByPath.has(key(ancestor))) continue;
      const id = ids.newId();
      idByPath.set(key(ancestor), id);
      add(id, ancestor, null, null);
      unknownFields.set(id, [...DIFFED_FIELDS]);
    }
    add(rowIds[i]!, row.names, row.color, row.fields);
    if (row.unknown.length > 0) unknownFields.set(rowIds[i]!, row.unknown);
  });
  const tooMany = codeCountProblem(codes.length, { file: fileName });
  if (tooMany) return err([tooMany]);
  return ok({ codes, unknownFields });
}
