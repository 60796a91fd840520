/**
 * Every export for analysis, by the name `threadmark export --to` takes, each a pure function from
 * a bundle to the file's bytes: the app's "Export for analysis…" dialog and the CLI call the same
 * entry, so both write the same tables (docs/formats.md, "Exports for analysis").
 */
import type { Bundle } from '../bundle/bundle';
import type { Problem } from '../problem/problem';
import { ok, type Result } from '../util/result';
import { csvWithSafety, type CsvSafety } from '../util/csv-safety';
import { codedSegmentsCsv } from './coded-segments-csv';
import { codedSegmentsTable } from './coded-segments-table';
import { postCodeMatrix, threadCodeMatrix } from './code-matrix';
import { cellText, type ExportTable } from './export-table';
import { writeParquet } from './parquet';
import { codebookTable, codersTable } from './project-tables';
import { relationsTable } from './relations-table';
import { writeXlsx } from './xlsx/write-xlsx';
import { ANALYSIS_EXPORT_INFO, type AnalysisExportInfo, type AnalysisExportKind } from './analysis-export-kinds';

export { ANALYSIS_EXPORT_KINDS, isAnalysisExportKind, type AnalysisExportKind } from './analysis-export-kinds';

export interface AnalysisExport extends AnalysisExportInfo {
  /** csvSafety: for the CSV kinds (util/csv-safety.ts); raw unless asked (the app asks formula). */
  build(bundle: Bundle, options?: { csvSafety?: CsvSafety }): Promise<Result<{ bytes: Uint8Array; rows: number }, Problem>>;
}

const encode = (text: string) => new TextEncoder().encode(text);
const I = ANALYSIS_EXPORT_INFO;

export const ANALYSIS_EXPORTS: Record<AnalysisExportKind, AnalysisExport> = {
  'segments-csv': {
    ...I['segments-csv'],
    build: (bundle, options) => Promise.resolve(ok({ bytes: encode(codedSegmentsCsv(bundle, { spreadsheetSafe: options?.csvSafety === 'formula' })), rows: bundle.codings.length })),
  },
  'matrix-csv': { ...I['matrix-csv'], build: (bundle, options) => Promise.resolve(csvOf(postCodeMatrix(bundle), options?.csvSafety)) },
  'binary-matrix-csv': { ...I['binary-matrix-csv'], build: (bundle, options) => Promise.resolve(csvOf(postCodeMatrix(bundle, { binary: true }), options?.csvSafety)) },
  'thread-matrix-csv': { ...I['thread-matrix-csv'], build: (bundle, options) => Promise.resolve(csvOf(threadCodeMatrix(bundle), options?.csvSafety)) },
  xlsx: {
    ...I.xlsx,
    build: async (bundle) => {
      const written = await writeXlsx(workbookTables(bundle));
      return written.ok ? ok({ bytes: written.value, rows: bundle.codings.length }) : written;
    },
  },
  parquet: { ...I.parquet, build: (bundle) => Promise.resolve(ok({ bytes: writeParquet(codedSegmentsTable(bundle)), rows: bundle.codings.length })) },
  'matrix-parquet': { ...I['matrix-parquet'], build: (bundle) => Promise.resolve(ok({ bytes: writeParquet(postCodeMatrix(bundle)), rows: bundle.posts.length })) },
  'relations-csv': { ...I['relations-csv'], build: (bundle, options) => Promise.resolve(csvOf(relationsTable(bundle), options?.csvSafety)) },
};

/** The workbook's sheets, in order: segments, post × code, thread × code, codebook, coders. */
export function workbookTables(bundle: Bundle): ExportTable[] {
  return [codedSegmentsTable(bundle), postCodeMatrix(bundle), threadCodeMatrix(bundle), codebookTable(bundle), codersTable(bundle)];
}

/** A matrix as RFC 4180 CSV (CRLF). Cells are ids, names, paths and numbers: exactly (raw) or formula-safe. */
export function tableCsv(table: ExportTable, safety: CsvSafety = 'raw'): string {
  return csvWithSafety([table.columns.map((c) => c.name), ...table.rows.map((row) => row.map(cellText))], safety);
}

function csvOf(table: ExportTable, safety: CsvSafety = 'raw'): Result<{ bytes: Uint8Array; rows: number }, Problem> {
  return ok({ bytes: encode(tableCsv(table, safety)), rows: table.rows.length });
}
