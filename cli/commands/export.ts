import { memoList } from '@shared/analysis/memos/memo-list';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { memosCsv } from '@shared/export/memos-csv';
import { storeFromBundle } from '@shared/project/bundle-store';
import { coderCodings } from '@shared/export/coder-codings';
import { systemClock, type Clock } from '@shared/util/clock';

import { parseArgs } from '../args';
import { CODEBOOK_EXPORT_FORMATS, exportCodebook, isCodebookExportFormat } from '../codebook/export-codebook';
import { ANALYSIS_TARGETS, analysisTargetPrints, isAnalysisTarget, writeAnalysisExport } from './export-targets';
import { POSITION_OPTIONS, writeQdpxExport } from './export-qdpx';
import { ANNOTATION_TARGETS, isAnnotationTarget, writeAnnotationExport } from './annotations-export';
import { VERSION } from '../help';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { usageError } from '../usage-error';

const FORMATS = ['csv', ...CODEBOOK_EXPORT_FORMATS, ...ANALYSIS_TARGETS, 'qdpx', ...ANNOTATION_TARGETS, 'memos-csv'] as const;
/** Formats with cells a spreadsheet could run as formulas. */
const SPREADSHEET_FORMATS: readonly string[] = ['csv', 'codebook-csv', 'memos-csv'];

export interface ExportDeps {
  clock: Clock;
}

/**
 * `threadmark export <bundle> --to csv|qdc|codebook-md|codebook-html|codebook-csv -o <file> [--spreadsheet-safe] [--coder NAME]`
 * csv: the coded segments (--coder: one coder's, such as the consensus layer); the others: the
 * codebook (cli/codebook/export-codebook.ts).
 */
export async function exportCommand(args: readonly string[], io: CliIo, deps: ExportDeps = { clock: systemClock }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'to', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'spreadsheet-safe', takesValue: false },
    { name: 'coder', takesValue: true },
    { name: 'positions', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('export', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const to = options.get('to');
  const output = options.get('output');
  const spreadsheetSafe = options.has('spreadsheet-safe');
  const coder = options.get('coder');
  if (path === undefined) return usageError('export', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('export', `unexpected argument ${extra[0]}`, io);
  if (typeof to !== 'string') return usageError('export', `missing --to <format> (one of: ${FORMATS.join(', ')})`, io);
  if (!(FORMATS as readonly string[]).includes(to)) return usageError('export', `unknown format "${to}" (one of: ${FORMATS.join(', ')})`, io);
  if (spreadsheetSafe && !SPREADSHEET_FORMATS.includes(to)) return usageError('export', `--spreadsheet-safe is for ${SPREADSHEET_FORMATS.slice(0, -1).join(', ')} and ${SPREADSHEET_FORMATS.at(-1)!}, not ${to}`, io);
  if (coder !== undefined && to !== 'csv' && !isAnalysisTarget(to) && !isAnnotationTarget(to)) return usageError('export', `--coder is for csv, the analysis and the annotation exports, not ${to}`, io);
  if (typeof output !== 'string') return usageError('export', 'missing -o <file> (use -o - for stdout)', io);
  const positions = options.get('positions');
  if (positions !== undefined && to !== 'qdpx') return usageError('export', `--positions is for qdpx, not ${to}`, io);
  if (positions !== undefined && !(POSITION_OPTIONS as readonly unknown[]).includes(positions)) return usageError('export', `--positions takes ${POSITION_OPTIONS.join(' or ')}`, io);
  if (to === 'qdpx' && output === '-') return usageError('export', 'qdpx is a zip archive: write it to a file with -o <file>', io);
  if (output === '-' && isAnalysisTarget(to) && !analysisTargetPrints(to)) return usageError('export', `${to} is binary: write it to a file with -o <file>`, io);

  // Validate everything before writing anything: a bad bundle leaves no output file behind.
  const result = await loadBundle(path, io);
  if (!result.ok) {
    io.stderr(result.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const bundle = result.value;
  if (to === 'qdpx') return writeQdpxExport(bundle, { path, output, positions: positions === 'utf16' ? 'utf16' : 'code-points' }, io);
  if (isAnalysisTarget(to)) return writeAnalysisExport(bundle, to, { path, output, ...(typeof coder === 'string' ? { coder } : {}) }, io);
  if (isAnnotationTarget(to)) return writeAnnotationExport(bundle, to, { path, output, ...(typeof coder === 'string' ? { coder } : {}) }, io);
  let text: string;
  let written: string;
  if (to === 'memos-csv') {
    // Every memo (project, thread, post, code, coding), as the app's Memos tab lists them.
    const rows = await storeFromBundle(bundle).read(memoList);
    text = memosCsv(rows, { spreadsheetSafe });
    written = `${rows.length} ${rows.length === 1 ? 'memo' : 'memos'}`;
  } else if (isCodebookExportFormat(to)) {
    const exported = exportCodebook(bundle, to, { spreadsheetSafe, generatedAt: deps.clock.now(), version: VERSION });
    if (!exported.ok) {
      io.stderr([...exported.error.map((m) => `${path}: ${m}`), `threadmark: nothing written (the codebook cannot be written as ${to})`].map((l) => `${l}\n`).join(''));
      return EXIT_FAILED;
    }
    text = exported.value;
    written = `${bundle.codes.length} ${bundle.codes.length === 1 ? 'code' : 'codes'}`;
  } else {
    const layer = typeof coder === 'string' ? coderCodings(bundle, coder) : { ok: true as const, value: bundle };
    if (!layer.ok) {
      io.stderr(`${path}: ${layer.error.message}\nthreadmark: nothing written\n`);
      return EXIT_FAILED;
    }
    text = codedSegmentsCsv(layer.value, { spreadsheetSafe });
    written = `${layer.value.codings.length} codings`;
  }
  if (output === '-') {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await io.writeFile(output, text);
  } catch (e) {
    io.stderr(`threadmark: cannot write ${output}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  io.stdout(`wrote ${written} to ${output}\n`);
  return EXIT_OK;
}
