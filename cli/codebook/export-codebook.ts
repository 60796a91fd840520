/**
 * The bundle's codebook in the formats `threadmark export --to` offers besides the coded-segments
 * CSV: a REFI-QDA codebook (.qdc), a Markdown or HTML document, and the codebook CSV.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { codebookCsv } from '@shared/codebook/codebook-csv';
import { codebookHtml } from '@shared/codebook/codebook-html';
import { codebookMarkdown } from '@shared/codebook/codebook-markdown';
import { writeQdc } from '@shared/codebook/refi/write-qdc';
import { ok, type Result } from '@shared/util/result';

export const CODEBOOK_EXPORT_FORMATS = ['qdc', 'codebook-md', 'codebook-html', 'codebook-csv'] as const;
export type CodebookExportFormat = (typeof CODEBOOK_EXPORT_FORMATS)[number];

export function isCodebookExportFormat(format: string): format is CodebookExportFormat {
  return (CODEBOOK_EXPORT_FORMATS as readonly string[]).includes(format);
}

export interface CodebookExportOptions {
  /** codebook-csv: prefix ' to cells a spreadsheet would run as formulas. */
  spreadsheetSafe: boolean;
  /** ISO 8601 UTC, shown in the documents. */
  generatedAt: string;
  /** Threadmark's version, for the .qdc origin. */
  version: string;
}

/** The file's text, or one message per code a .qdc cannot carry (an id that is not a GUID…). */
export function exportCodebook(bundle: Bundle, format: CodebookExportFormat, options: CodebookExportOptions): Result<string, string[]> {
  const document = { title: `Codebook: ${bundle.project.name}`, generatedAt: options.generatedAt };
  switch (format) {
    case 'qdc':
      return writeQdc(bundle.codes, { origin: `Threadmark ${options.version}` });
    case 'codebook-md':
      return ok(codebookMarkdown(bundle.codes, document));
    case 'codebook-html':
      return ok(codebookHtml(bundle.codes, document));
    case 'codebook-csv':
      return ok(codebookCsv(bundle.codes, { mode: options.spreadsheetSafe ? 'formula-safe' : 'raw' }));
  }
}
