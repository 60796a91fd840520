/**
 * The import Worker's protocol (shared/rpc): `preview` reads, parses and assembles the files and
 * keeps the result; `commit` writes it. Both report progress and are cancelled by their signal
 * (the answer is then a cancelled Problem). The dialog sees all of it as ImportEvents.
 */
import type { CsvMapping, CsvMappingOverride } from '@shared/import/formats/csv-parser';
import type { Problem } from '@shared/problem/problem';
import type { RpcMethod } from '@shared/rpc/rpc';

export interface PreviewRequest {
  dbName: string;
  files: File[];
  formatId: string | null;
  csvMapping: CsvMappingOverride | null;
}

export interface ImportProtocol {
  preview: RpcMethod<PreviewRequest, PreviewOutcome, ReadingProgress>;
  commit: RpcMethod<null, CommitOutcome, WritingProgress>;
}

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
  warnings: Problem[];
  /** All warnings, of which `warnings` holds the first ones. */
  warningCount: number;
}

export interface ImportSummary {
  threads: number;
  /** The new threads' ids, in the import's order (threads joined by the import not among them). */
  threadIds: string[];
  joinedThreads: number;
  posts: number;
  duplicates: number;
  warningCount: number;
  seconds: number;
  /** The import's journal entry (undo reverts it); null when nothing was written. */
  entryId: string | null;
}

export type ReadingProgress = { type: 'progress'; phase: 'reading'; file: string; fileIndex: number; fileCount: number; bytesRead: number; bytesTotal: number };
export type WritingProgress = { type: 'progress'; phase: 'writing'; written: number; total: number; postsPerSecond: number };
export type ImportFailed = { type: 'failed'; problems: Problem[] };

export type PreviewOutcome = { type: 'needs-mapping'; file: string; columns: string[]; sample: string[][]; guess: CsvMapping } | { type: 'preview'; preview: ImportPreview } | ImportFailed;
export type CommitOutcome = { type: 'committed'; summary: ImportSummary } | ImportFailed;

/** What the dialog is told: progress, each step's outcome, or that the step was cancelled. */
export type ImportEvent = ReadingProgress | WritingProgress | PreviewOutcome | CommitOutcome | { type: 'cancelled' };

/** Warnings sent to the dialog; the count says how many more there are. */
export const SHOWN_WARNINGS = 200;
