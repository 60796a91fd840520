/**
 * The Segments tab's exports: the whole result (not only the rows on screen) as the Segments CSV
 * or the HTML report, saved as every export is (platform.saveTextFile: a save dialog in Electron,
 * a download on the web).
 */
import { segmentRows, type SegmentSelection } from '@shared/analysis/segments/retrieve-segments';
import { segmentsCsv } from '@shared/analysis/segments/segments-csv';
import { segmentsHtml } from '@shared/analysis/segments/segments-html';
import { fileStem } from '@shared/util/file-name';

import type { Services } from '../../../app/services';

const CSV = [{ name: 'CSV', extensions: ['csv'] }];
const HTML = [{ name: 'HTML report', extensions: ['html'] }];

export interface ExportContext {
  projectName: string;
  /** Filters in words ("coder: Ada"), for the report's header. */
  filters: readonly string[];
}

const allRows = (selection: SegmentSelection) => segmentRows(selection, 0, selection.total);

export async function exportSegmentsCsv(services: Services, selection: SegmentSelection, context: ExportContext, spreadsheetSafe: boolean): Promise<void> {
  const name = `${fileStem(context.projectName)}-segments${spreadsheetSafe ? '-spreadsheet' : ''}.csv`;
  await save(services, name, segmentsCsv(allRows(selection), { spreadsheetSafe }), CSV, selection.total);
}

export async function exportSegmentsHtml(services: Services, selection: SegmentSelection, context: ExportContext): Promise<void> {
  const html = segmentsHtml(allRows(selection), { projectName: context.projectName, description: selection.description, filters: context.filters, generatedAt: services.clock.now() });
  await save(services, `${fileStem(context.projectName)}-segments.html`, html, HTML, selection.total);
}

async function save(services: Services, name: string, content: string, filters: Array<{ name: string; extensions: string[] }>, count: number): Promise<void> {
  const saved = await services.platform.saveTextFile(name, content, filters);
  if (!saved.ok) services.announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) services.announce(`Exported ${count.toLocaleString('en-US')} ${count === 1 ? 'segment' : 'segments'} to ${saved.value}.`);
}
