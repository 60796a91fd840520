import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { memosCsv } from '@shared/export/memos-csv';
import { serializeBundle } from '@shared/bundle/serialize';
import { bundleMemoRows } from '@shared/privacy/pseudonymised-analysis';
import { coderCodings } from '@shared/export/coder-codings';
import { systemClock, type Clock } from '@shared/util/clock';

import { parseArgs } from '../args';
import { CODEBOOK_EXPORT_FORMATS, exportCodebook, isCodebookExportFormat } from '../codebook/export-codebook';
import { ANALYSIS_TARGETS, analysisTargetPrints, isAnalysisTarget, writeAnalysisExport } from './export-targets';
import { POSITION_OPTIONS, writeQdpxExport } from './export-qdpx';
import { writeIdsExport } from './export-ids';
import { ANNOTATION_TARGETS, isAnnotationTarget, writeAnnotationExport } from './annotations-export';
import { VERSION } from '../help';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { usageError } from '../usage-error';
import { applyPrivacy, PRIVACY_OPTIONS, privacyFlags } from './export-privacy';
import { writeExportText } from '../terminal-io';
import { CSV_SAFE_OPTIONS, csvSafetyOption } from '../csv-safe-option';

const FORMATS = ['csv', ...CODEBOOK_EXPORT_FORMATS, ...ANALYSIS_TARGETS, 'qdpx', ...ANNOTATION_TARGETS, 'memos-csv', 'ids', 'shareable-bundle'] as const;
/** Formats with cells a spreadsheet could run as formulas: every CSV (--csv-safe). */
const SPREADSHEET_FORMATS: readonly string[] = ['csv', 'codebook-csv', 'memos-csv', ...ANALYSIS_TARGETS.filter((t) => t.endsWith('-csv'))];

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
    ...CSV_SAFE_OPTIONS,
    { name: 'coder', takesValue: true },
    { name: 'positions', takesValue: true },
    ...PRIVACY_OPTIONS,
  ]);
  if (!parsed.ok) return usageError('export', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const to = options.get('to');
  const output = options.get('output');
  const csvSafe = csvSafetyOption(options);
  if ('error' in csvSafe) return usageError('export', csvSafe.error, io);
  const spreadsheetSafe = csvSafe.safety === 'formula';
  const coder = options.get('coder');
  if (path === undefined) return usageError('export', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('export', `unexpected argument ${extra[0]}`, io);
  if (typeof to !== 'string') return usageError('export', `missing --to <format> (one of: ${FORMATS.join(', ')})`, io);
  if (!(FORMATS as readonly string[]).includes(to)) return usageError('export', `unknown format "${to}" (one of: ${FORMATS.join(', ')})`, io);
  if (csvSafe.safety !== undefined && !SPREADSHEET_FORMATS.includes(to)) return usageError('export', `--csv-safe is for ${SPREADSHEET_FORMATS.slice(0, -1).join(', ')} and ${SPREADSHEET_FORMATS.at(-1)!}, not ${to}`, io);
  if (coder !== undefined && to !== 'csv' && !isAnalysisTarget(to) && !isAnnotationTarget(to)) return usageError('export', `--coder is for csv, the analysis and the annotation exports, not ${to}`, io);
  if (typeof output !== 'string') return usageError('export', 'missing -o <file> (use -o - for stdout)', io);
  // Ids only: no text, no author (platform terms); hashes of the texts as collected, so never pseudonymised.
  if (to === 'ids') return writeIdsExport(path, output, io, deps.clock);
  const positions = options.get('positions');
  if (positions !== undefined && to !== 'qdpx') return usageError('export', `--positions is for qdpx, not ${to}`, io);
  if (positions !== undefined && !(POSITION_OPTIONS as readonly unknown[]).includes(positions)) return usageError('export', `--positions takes ${POSITION_OPTIONS.join(' or ')}`, io);
  if (to === 'qdpx' && output === '-') return usageError('export', 'qdpx is a zip archive: write it to a file with -o <file>', io);
  if (output === '-' && isAnalysisTarget(to) && !analysisTargetPrints(to)) return usageError('export', `${to} is binary: write it to a file with -o <file>`, io);
  const privacy = privacyFlags(options, to);
  if (typeof privacy === 'string') return usageError('export', privacy, io);

  // Validate everything before writing anything: a bad bundle leaves no output file behind.
  const result = await loadBundle(path, io);
  if (!result.ok) {
    io.stderr(result.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  // Pseudonymised unless --identified: every format below writes the rewritten project.
  const bundle = await applyPrivacy(result.value, privacy, io);
  if (typeof bundle === 'number') return bundle;
  if (to === 'qdpx') return writeQdpxExport(bundle, { path, output, positions: positions === 'utf16' ? 'utf16' : 'code-points' }, io);
  if (isAnalysisTarget(to)) return writeAnalysisExport(bundle, to, { path, output, csvSafety: csvSafe.safety ?? 'raw', ...(typeof coder === 'string' ? { coder } : {}) }, io);
  if (isAnnotationTarget(to)) return writeAnnotationExport(bundle, to, { path, output, ...(typeof coder === 'string' ? { coder } : {}) }, io);
  let text: string;
  let written: string;
  if (to === 'shareable-bundle') {
    // The project pseudonymised as a bundle to hand on: no secret, no history (export-privacy.ts).
    text = serializeBundle(bundle);
    written = `the pseudonymised project (${bundle.posts.length} posts, ${bundle.codings.length} codings)`;
  } else if (to === 'memos-csv') {
    // Every memo (project, thread, post, code, coding), as the app's Memos tab lists them.
    const rows = await bundleMemoRows(bundle);
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
  const wrote = await writeExportText(io, output, text);
  if (wrote !== 'file') return wrote === 'stdout' ? EXIT_OK : EXIT_FAILED;
  io.stdout(`wrote ${written} to ${output}\n`);
  return EXIT_OK;
}
