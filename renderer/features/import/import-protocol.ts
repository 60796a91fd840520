/**
 * Messages between the import dialog and the import Worker. The Worker reads, parses and
 * assembles the files, keeps the result, and writes it only when the dialog says `commit`.
 */
import type { CsvMapping, CsvMappingOverride } from '@shared/import/formats/csv-parser';
import type { ImportProblem, ImportWarning } from '@shared/import/raw-post';

export type ImportRequest =
  | { type: 'preview'; dbName: string; files: File[]; formatId: string | null; csvMapping: CsvMappingOverride | null }
  | { type: 'commit' }
  | { type: 'cancel' };

export interface FilePreview {
  name: string;
  formatId: string;
  formatLabel: string;
  threads: number;
  /** New posts, placeholders not counted. */
  posts: number;
  duplicates: number;
  warnings: number;
}

export interface ImportPreview {
  files: FilePreview[];
  threads: number;
  posts: number;
  /** Placeholders for missing parents, "more replies" and left-out posts. */
  placeholders: number;
  /** Threads already in the project that new replies join. */
  joinedThreads: number;
  duplicates: number;
  warnings: ImportWarning[];
  /** All warnings, of which `warnings` holds the first ones. */
  warningCount: number;
}

export interface ImportSummary {
  threads: number;
  joinedThreads: number;
  posts: number;
  duplicates: number;
  warningCount: number;
  seconds: number;
}

export type ImportEvent =
  | { type: 'progress'; phase: 'reading'; file: string; fileIndex: number; fileCount: number; bytesRead: number; bytesTotal: number }
  | { type: 'progress'; phase: 'writing'; written: number; total: number; postsPerSecond: number }
  | { type: 'needs-mapping'; file: string; columns: string[]; sample: string[][]; guess: CsvMapping }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'failed'; problems: ImportProblem[] }
  | { type: 'committed'; summary: ImportSummary }
  | { type: 'cancelled' };

/** Warnings sent to the dialog; the count says how many more there are. */
export const SHOWN_WARNINGS = 200;
