/**
 * The attribute tables as CSV and back. Export: the case column (`author` or `thread`), then every
 * column of the table, platform and user. Import (planAttributeCsv): the first column names the
 * case; platform columns are skipped (so an exported file imports unchanged); every other column is
 * a user attribute, taken by name or added with the type its cells fit (number, date, else text).
 * An empty cell clears the value: the file is the table. All or nothing: every problem names line
 * and column, and nothing is written while there is one.
 */
import { detectDelimiter, headerLine, readCsv } from '../../import/formats/csv-table';
import type { Attribute, AttributeScope, AttributeType, AttributeValue } from '../../model/records';
import type { Problem } from '../../problem/problem';
import type { RowChange } from '../../project/change-set';
import type { IdSource } from '../../util/clock';
import { csvWithSafety, unescapeFormulaCell, type CsvSafety } from '../../util/csv-safety';
import { err, ok, type Result } from '../../util/result';
import { attributeValueId, formatAttributeValue, parseAttributeValue } from './attribute-value';
import type { AttributeTable } from './attributes-of';
import { RESERVED_NAMES } from './platform-attributes';

/** `formula` (the app's default) makes names and values formula-safe; the import undoes it exactly. */
export function attributesCsv(table: AttributeTable, safety: CsvSafety = 'raw'): string {
  const header = [table.scope, ...table.columns.map((c) => c.name)];
  const rows = table.cases.map((c) => [c.subject, ...table.columns.map((col) => formatAttributeValue(c.values[col.name]))]);
  return csvWithSafety([header, ...rows], safety);
}

export interface AttributeCsvPlan {
  attributes: Array<RowChange<Attribute>>;
  values: Array<RowChange<AttributeValue>>;
  /** Columns skipped because they are platform attributes. */
  skippedColumns: string[];
  rows: number;
}

interface Stored {
  attributes: readonly Attribute[];
  values: readonly AttributeValue[];
  /** The scope's cases: author names or thread ids. */
  cases: ReadonlySet<string>;
}

const MAX_PROBLEMS = 50;

/** The rows of a CSV file with the line each starts on, or the problems that stop it. */
function readRows(text: string, fileName: string): Result<{ header: string[]; rows: Array<{ cells: string[]; line: number }> }, Problem[]> {
  const delimiter = detectDelimiter(headerLine(text)) ?? ',';
  let header: string[] = [];
  const rows: Array<{ cells: string[]; line: number }> = [];
  const problems = readCsv(
    text,
    fileName,
    delimiter,
    {
      header: (names) => {
        // A formula-safe export (util/csv-safety.ts) reads back as it was stored.
        header = names.map(unescapeFormulaCell);
        return null;
      },
      row: (row) => {
        rows.push({ cells: row.cells.map(unescapeFormulaCell), line: row.line });
        return null;
      },
    },
    MAX_PROBLEMS,
  );
  return problems.length > 0 ? err(problems) : ok({ header, rows });
}

function inferType(cells: readonly string[]): AttributeType {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length === 0) return 'text';
  if (filled.every((c) => parseAttributeValue('number', c).ok)) return 'number';
  if (filled.every((c) => parseAttributeValue('date', c).ok)) return 'date';
  return 'text';
}

export function planAttributeCsv(scope: AttributeScope, text: string, fileName: string, stored: Stored, at: string, ids: IdSource): Result<AttributeCsvPlan, Problem[]> {
  const read = readRows(text, fileName);
  if (!read.ok) return read;
  const { header, rows } = read.value;
  const problems: Problem[] = [];
  const column = (k: number): string => `${k + 1} “${header[k] ?? ''}”`;
  const first = header[0]?.trim().toLowerCase();
  if (first !== scope) {
    return err([{ file: fileName, line: 1, field: column(0), message: `the first column must be "${scope}" (${scope === 'author' ? "the author's name" : "the thread's id"}), got ${JSON.stringify(header[0] ?? '')}` }]);
  }
  const seen = new Map<string, number>();
  const skippedColumns: string[] = [];
  const attributeOf: Array<Attribute | null> = [null];
  const added: Attribute[] = [];
  for (let k = 1; k < header.length; k++) {
    const name = header[k]!.replace(/\s+/g, ' ').trim();
    const key = name.toLowerCase();
    if (name === '') {
      problems.push({ file: fileName, line: 1, field: column(k), message: 'a column without a name: name it or remove it' });
      attributeOf.push(null);
      continue;
    }
    if (seen.has(key)) problems.push({ file: fileName, line: 1, field: column(k), message: `the column “${name}” appears twice (also column ${seen.get(key)! + 1})` });
    seen.set(key, k);
    if (RESERVED_NAMES[scope].has(key)) {
      skippedColumns.push(name);
      attributeOf.push(null);
      continue;
    }
    const existing = stored.attributes.find((a) => a.scope === scope && a.name.toLowerCase() === key);
    if (existing) attributeOf.push(existing);
    else {
      const attribute: Attribute = { id: ids.newId(), scope, name, type: inferType(rows.map((r) => r.cells[k] ?? '')), createdAt: at };
      added.push(attribute);
      attributeOf.push(attribute);
    }
  }

  const storedValues = new Map(stored.values.map((v) => [`${v.attributeId}\u0000${v.subject}`, v]));
  const values: Array<RowChange<AttributeValue>> = [];
  const subjects = new Map<string, number>();
  for (const { cells, line } of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const subject = cells[0]!.trim();
    if (subject === '') {
      problems.push({ file: fileName, line, field: column(0), message: `no ${scope}: every row needs one` });
      continue;
    }
    if (!stored.cases.has(subject)) {
      problems.push({ file: fileName, line, field: column(0), message: `there is no ${scope} ${JSON.stringify(subject)} in the project` });
      continue;
    }
    if (subjects.has(subject)) {
      problems.push({ file: fileName, line, field: column(0), message: `${JSON.stringify(subject)} has a row already (line ${subjects.get(subject)})` });
      continue;
    }
    subjects.set(subject, line);
    for (let k = 1; k < cells.length; k++) {
      const attribute = attributeOf[k];
      if (!attribute) continue;
      const parsed = parseAttributeValue(attribute.type, cells[k]!);
      if (!parsed.ok) {
        problems.push({ file: fileName, line, field: column(k), message: `${parsed.error} (“${attribute.name}” is a ${attribute.type} attribute)` });
        continue;
      }
      const before = storedValues.get(`${attribute.id}\u0000${subject}`) ?? null;
      if (parsed.value === null) {
        if (before) values.push({ before, after: null });
      } else if (before?.value !== parsed.value) {
        const id = before?.id ?? attributeValueId(attribute.id, subject);
        values.push({ before, after: { id, attributeId: attribute.id, subject, value: parsed.value, updatedAt: at } });
      }
    }
  }
  if (problems.length > 0) return err(problems);
  return ok({ attributes: added.map((after) => ({ before: null, after })), values, skippedColumns, rows: rows.length });
}
