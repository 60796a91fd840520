/**
 * `threadmark table <bundle> --rows code --cols thread|author|platform|coder|month|attribute:author.NAME|attribute:thread.NAME
 *  [--count codings|posts|chars] [--coder NAME[,NAME]] [--json]`
 * The code frequency table the app's Tables & charts tab shows (shared/analysis/tables/code-table.ts):
 * an aligned text table, or with --json the table itself (docs/formats.md).
 */
import { codeTable } from '@shared/analysis/tables/code-table';
import { columnsLabel, COUNT_LABELS, TABLE_COUNTS } from '@shared/analysis/tables/table-options';

import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { usageError } from '../usage-error';
import { isOneOf, NOTHING_COUNTED, openTableProject, parseTableArgs, writeJson } from './table-input';
import { COLS_CHOICES, parseCols, unknownAttributeColumns } from './table-cols';
import { alignedTable, figure } from './table-text';

export async function tableCommand(args: readonly string[], io: CliIo): Promise<number> {
  const input = parseTableArgs('table', args, [
    { name: 'rows', takesValue: true },
    { name: 'cols', takesValue: true },
    { name: 'count', takesValue: true },
  ], io);
  if (typeof input === 'number') return input;
  const { options } = input;
  const rows = options.get('rows') ?? 'code';
  if (rows !== 'code') return usageError('table', `--rows "${String(rows)}": rows are codes (--rows code)`, io);
  const colsText = options.get('cols');
  if (typeof colsText !== 'string') return usageError('table', `missing --cols ${COLS_CHOICES}`, io);
  const cols = parseCols(colsText);
  if (cols === null) return usageError('table', `--cols "${colsText}" is not one of ${COLS_CHOICES.replaceAll('|', ', ')}`, io);
  const count = options.get('count') ?? 'codings';
  if (typeof count !== 'string' || !isOneOf(count, TABLE_COUNTS)) return usageError('table', `--count "${String(count)}" is not one of ${TABLE_COUNTS.join(', ')}`, io);

  const project = await openTableProject(input, io);
  if (typeof project === 'number') return project;
  // An attribute nobody has would give an empty table that reads as "no codings": say so instead.
  const unknown = await project.opened.store.read((reader) => unknownAttributeColumns(reader, cols));
  if (unknown !== null) {
    io.stderr(`threadmark: ${unknown}\n`);
    return EXIT_FAILED;
  }
  const table = await project.opened.store.read((reader) => codeTable(reader, { cols, count, ...project.coderFilter }));
  if (options.has('json')) return writeJson(io, table);
  io.stdout(`${COUNT_LABELS[count]} per code × ${columnsLabel(cols).toLowerCase()} (${project.who})\n\n`);
  io.stdout(
    alignedTable(
      ['code', ...table.columns.map((c) => c.label), 'total'],
      [...table.rows.map((r) => [r.path, ...r.cells.map((v) => figure(v)), figure(r.total)]), ['total', ...table.columns.map((c) => figure(c.total)), figure(table.total)]],
    ),
  );
  if (table.total === 0) io.stdout(`\n${NOTHING_COUNTED}\n`);
  return EXIT_OK;
}
