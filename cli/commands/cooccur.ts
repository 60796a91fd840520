/**
 * `threadmark cooccur <bundle> --by overlap|post|thread [--measure count|jaccard] [--coder NAME[,NAME]] [--json]`
 * The code co-occurrence matrix of the app's Tables & charts tab (shared/analysis/tables/co-occurrence.ts):
 * an aligned text table, or with --json the matrix (docs/formats.md).
 */
import { coOccurrence } from '@shared/analysis/tables/co-occurrence';
import { BY_LABELS, CO_OCCURRENCE_BYS, CO_OCCURRENCE_MEASURES, MEASURE_LABELS } from '@shared/analysis/tables/table-options';

import { EXIT_OK, type CliIo } from '../io';
import { usageError } from '../usage-error';
import { isOneOf, NOTHING_COUNTED, openTableProject, parseTableArgs, writeJson } from './table-input';
import { alignedTable, figure } from './table-text';

export async function cooccurCommand(args: readonly string[], io: CliIo): Promise<number> {
  const input = parseTableArgs('cooccur', args, [
    { name: 'by', takesValue: true },
    { name: 'measure', takesValue: true },
  ], io);
  if (typeof input === 'number') return input;
  const { options } = input;
  const by = options.get('by');
  if (typeof by !== 'string') return usageError('cooccur', `missing --by ${CO_OCCURRENCE_BYS.join('|')}`, io);
  if (!isOneOf(by, CO_OCCURRENCE_BYS)) return usageError('cooccur', `--by "${by}" is not one of ${CO_OCCURRENCE_BYS.join(', ')}`, io);
  const measure = options.get('measure') ?? 'count';
  if (typeof measure !== 'string' || !isOneOf(measure, CO_OCCURRENCE_MEASURES)) return usageError('cooccur', `--measure "${String(measure)}" is not one of ${CO_OCCURRENCE_MEASURES.join(', ')}`, io);

  const project = await openTableProject(input, io);
  if (typeof project === 'number') return project;
  const { threadsOf: _threadsOf, ...matrix } = await project.opened.store.read((reader) => coOccurrence(reader, { by, measure, ...project.coderFilter }));
  if (options.has('json')) return writeJson(io, matrix);
  const unit = by === 'thread' ? 'threads' : 'posts';
  io.stdout(`Code co-occurrence: ${BY_LABELS[by].toLowerCase()}, ${MEASURE_LABELS[measure].toLowerCase()} of ${unit} (${project.who})\n\n`);
  // Columns are numbered: code paths as headers would make the table far too wide.
  const header = ['code', ...matrix.codes.map((_, i) => `${i + 1}`)];
  io.stdout(alignedTable(header, matrix.codes.map((c, i) => [`${i + 1} ${c.path}`, ...matrix.values[i]!.map((v) => figure(v, measure === 'jaccard'))])));
  if (matrix.units.every((u) => u === 0)) io.stdout(`\n${NOTHING_COUNTED}\n`);
  return EXIT_OK;
}
