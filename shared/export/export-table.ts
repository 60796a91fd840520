/**
 * A typed table, the one shape every analysis export is built as (docs/formats.md, "Exports for
 * analysis"): the CSV, XLSX and Parquet writers each turn the same table into bytes, so a column
 * means the same in every format.
 */
export type ColumnType = 'string' | 'integer' | 'boolean';

/** null: no value (an empty CSV cell, an absent XLSX cell, a Parquet null). */
export type Cell = string | number | boolean | null;

export interface ExportColumn {
  name: string;
  type: ColumnType;
}

export interface ExportTable {
  /** The XLSX sheet name and the table's name in messages. */
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

/** A cell as CSV text: null → empty, booleans as true/false (R's readr and pandas read them as logical). */
export function cellText(cell: Cell): string {
  return cell === null ? '' : typeof cell === 'string' ? cell : String(cell);
}

/**
 * Headers made unique by appending " [id]" to a repeat: two codes may share a path (a name with
 * " > " in it), and a code may be named like a fixed column.
 */
export function uniqueNames(fixed: readonly string[], wanted: ReadonlyArray<{ name: string; id: string }>): string[] {
  const taken = new Set(fixed);
  return wanted.map(({ name, id }) => {
    let unique = taken.has(name) ? `${name} [${id}]` : name;
    for (let n = 2; taken.has(unique); n++) unique = `${name} [${id}] ${n}`;
    taken.add(unique);
    return unique;
  });
}
