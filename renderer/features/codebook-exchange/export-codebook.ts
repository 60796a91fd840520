/**
 * The codebook as a file: REFI-QDA .qdc for other QDA tools, Markdown and a printable HTML page
 * for a paper's appendix, CSV for spreadsheets and MAXQDA/NVivo. Saved through the platform (a
 * download on the web, a save dialog on the desktop), named after the project.
 */
import { codebookCsv } from '@shared/codebook/codebook-csv';
import { codebookHtml } from '@shared/codebook/codebook-html';
import { codebookMarkdown } from '@shared/codebook/codebook-markdown';
import { writeQdc } from '@shared/codebook/refi/write-qdc';
import type { Code } from '@shared/model/records';
import { fileStem } from '@shared/util/file-name';
import { ok, type Result } from '@shared/util/result';
import { codebookInTreeOrder } from '@shared/project/queries/codebook-reads';

import { APP_INFO } from '../../app/app-info';
import type { Services } from '../../app/services';
import { storeOf } from '../../db/project-store';
import type { FileFilter } from '../../platform/platform';

export type CodebookExportFormat = 'qdc' | 'markdown' | 'html' | 'csv';

interface ExportKind {
  label: string;
  extension: string;
  filter: FileFilter;
  render(codes: readonly Code[], context: { title: string; generatedAt: string }): Result<string, string[]>;
}

export const CODEBOOK_EXPORTS: Record<CodebookExportFormat, ExportKind> = {
  qdc: {
    label: 'REFI-QDA codebook',
    extension: 'qdc',
    filter: { name: 'REFI-QDA codebook', extensions: ['qdc'] },
    render: (codes) => writeQdc(codes, { origin: `${APP_INFO.name} ${APP_INFO.version}` }),
  },
  markdown: {
    label: 'Markdown codebook',
    extension: 'md',
    filter: { name: 'Markdown', extensions: ['md'] },
    render: (codes, context) => ok(codebookMarkdown(codes, context)),
  },
  html: {
    label: 'printable codebook',
    extension: 'html',
    filter: { name: 'Web page', extensions: ['html'] },
    render: (codes, context) => ok(codebookHtml(codes, context)),
  },
  csv: {
    label: 'codebook CSV',
    extension: 'csv',
    filter: { name: 'CSV', extensions: ['csv'] },
    // Formula-safe: the file is meant for spreadsheets, and Threadmark reads the prefix back off.
    render: (codes) => ok(codebookCsv(codes, { mode: 'formula-safe' })),
  },
};

/** "demo-metoo-backlash-thread-codebook.qdc" */
export function codebookFileName(projectName: string, format: CodebookExportFormat): string {
  return `${fileStem(projectName)}-codebook.${CODEBOOK_EXPORTS[format].extension}`;
}

/** Renders the codebook as it is now; every reason it cannot be written, named, otherwise. */
export async function renderCodebook({ db, clock }: Pick<Services, 'db' | 'clock'>, projectName: string, format: CodebookExportFormat): Promise<Result<string, string[]>> {
  const codes = await storeOf(db).read(codebookInTreeOrder);
  return CODEBOOK_EXPORTS[format].render(codes, { title: `${projectName} — codebook`, generatedAt: clock.now() });
}

export async function exportCodebook(services: Services, projectName: string, format: CodebookExportFormat): Promise<void> {
  const { platform, announce } = services;
  const kind = CODEBOOK_EXPORTS[format];
  const rendered = await renderCodebook(services, projectName, format);
  if (!rendered.ok) {
    announce(`The ${kind.label} was not exported: ${rendered.error.join('; ')}.`, 'error');
    return;
  }
  const saved = await platform.saveTextFile(codebookFileName(projectName, format), rendered.value, [kind.filter]);
  if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) announce(`Exported the ${kind.label} to ${saved.value}.`);
}
