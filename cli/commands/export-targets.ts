/**
 * `threadmark export --to matrix-csv|binary-matrix-csv|thread-matrix-csv|xlsx|parquet|matrix-parquet|relations-csv`:
 * the exports for analysis, each written by the same shared/export entry the app's "Export for
 * analysis…" dialog uses (ANALYSIS_EXPORTS), so the CLI and the app write the same tables.
 */
import type { CsvSafety } from '@shared/util/csv-safety';
import type { Bundle } from '@shared/bundle/bundle';
import { ANALYSIS_EXPORTS, type AnalysisExportKind } from '@shared/export/analysis-exports';
import { coderCodings } from '@shared/export/coder-codings';

import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { stdoutData } from '../terminal-io';

/** The `--to` name of each analysis export; the segments CSV is `--to csv`, as it always was. */
const TARGETS = {
  'matrix-csv': 'matrix-csv',
  'binary-matrix-csv': 'binary-matrix-csv',
  'thread-matrix-csv': 'thread-matrix-csv',
  xlsx: 'xlsx',
  parquet: 'parquet',
  'matrix-parquet': 'matrix-parquet',
  'relations-csv': 'relations-csv',
} as const satisfies Record<string, AnalysisExportKind>;

export type AnalysisTarget = keyof typeof TARGETS;
export const ANALYSIS_TARGETS = Object.keys(TARGETS) as AnalysisTarget[];

export function isAnalysisTarget(to: string): to is AnalysisTarget {
  return Object.hasOwn(TARGETS, to);
}

/** Only CSV can go to stdout: XLSX and Parquet are bytes a terminal would garble. */
export function analysisTargetPrints(to: AnalysisTarget): boolean {
  return to.endsWith('-csv');
}

/** Builds the export (of one coder's layer with `coder`) and writes it to `output` ('-': stdout, CSV only). */
export async function writeAnalysisExport(bundle: Bundle, to: AnalysisTarget, options: { path: string; output: string; coder?: string; csvSafety?: CsvSafety }, io: CliIo): Promise<number> {
  const layer = options.coder === undefined ? { ok: true as const, value: bundle } : coderCodings(bundle, options.coder);
  if (!layer.ok) {
    io.stderr(`${options.path}: ${layer.error.message}\nthreadmark: nothing written\n`);
    return EXIT_FAILED;
  }
  const kind = ANALYSIS_EXPORTS[TARGETS[to]];
  const built = await kind.build(layer.value, { csvSafety: options.csvSafety ?? 'raw' });
  if (!built.ok) {
    const where = built.error.record === undefined ? '' : `${built.error.record} `;
    io.stderr(`${options.path}: ${where}${built.error.message}\nthreadmark: nothing written\n`);
    return EXIT_FAILED;
  }
  const { bytes, rows } = built.value;
  if (options.output === '-') {
    stdoutData(io, new TextDecoder().decode(bytes));
    return EXIT_OK;
  }
  try {
    await io.writeFile(options.output, bytes);
  } catch (e) {
    io.stderr(`threadmark: cannot write ${options.output}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  io.stdout(`wrote ${rows} ${rows === 1 ? kind.rowNoun.replace(/s$/, '') : kind.rowNoun} to ${options.output}\n`);
  return EXIT_OK;
}
