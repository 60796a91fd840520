/**
 * The exports for analysis by name, with what the UI and messages need and no writer: the dialog
 * imports this, and the writers (analysis-exports.ts, with hyparquet-writer and zip.js) load only
 * when an export runs.
 */
export const ANALYSIS_EXPORT_KINDS = ['segments-csv', 'matrix-csv', 'binary-matrix-csv', 'thread-matrix-csv', 'xlsx', 'parquet', 'matrix-parquet', 'relations-csv'] as const;
export type AnalysisExportKind = (typeof ANALYSIS_EXPORT_KINDS)[number];

export interface AnalysisExportInfo {
  /** What the dialog shows. */
  label: string;
  /** The end of the file name after the project's name. */
  suffix: string;
  /** The save dialog's filter. */
  filter: { name: string; extensions: string[] };
  /** What one row is, for "wrote 12 posts" messages. */
  rowNoun: string;
}

const CSV = { name: 'CSV', extensions: ['csv'] };
const PARQUET = { name: 'Parquet', extensions: ['parquet'] };

export const ANALYSIS_EXPORT_INFO: Record<AnalysisExportKind, AnalysisExportInfo> = {
  'segments-csv': { label: 'Coded segments (CSV)', suffix: '-coded-segments.csv', filter: CSV, rowNoun: 'codings' },
  'matrix-csv': { label: 'Post × code, counts (CSV)', suffix: '-post-code-counts.csv', filter: CSV, rowNoun: 'posts' },
  'binary-matrix-csv': { label: 'Post × code, 0/1 (CSV)', suffix: '-post-code-binary.csv', filter: CSV, rowNoun: 'posts' },
  'thread-matrix-csv': { label: 'Thread × code, counts (CSV)', suffix: '-thread-code-counts.csv', filter: CSV, rowNoun: 'threads' },
  xlsx: { label: 'Workbook of every table (XLSX)', suffix: '-analysis.xlsx', filter: { name: 'Excel workbook', extensions: ['xlsx'] }, rowNoun: 'codings' },
  parquet: { label: 'Coded segments (Parquet)', suffix: '-coded-segments.parquet', filter: PARQUET, rowNoun: 'codings' },
  'matrix-parquet': { label: 'Post × code, counts (Parquet)', suffix: '-post-code-counts.parquet', filter: PARQUET, rowNoun: 'posts' },
  'relations-csv': { label: 'Relations between posts (CSV)', suffix: '-relations.csv', filter: CSV, rowNoun: 'relations' },
};

export function isAnalysisExportKind(name: string): name is AnalysisExportKind {
  return (ANALYSIS_EXPORT_KINDS as readonly string[]).includes(name);
}
