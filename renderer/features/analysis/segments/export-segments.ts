/**
 * The Segments tab's exports: the whole result (not only the rows on screen) as the Segments CSV
 * or the HTML report, saved as every export is (platform.saveTextFile: a save dialog in Electron,
 * a download on the web).
 */
import { segmentRows, type SegmentSelection } from '@shared/analysis/segments/retrieve-segments';
import { segmentsCsv } from '@shared/analysis/segments/segments-csv';
import { segmentsHtml } from '@shared/analysis/segments/segments-html';
import type { SegmentRow } from '@shared/analysis/segments/segment-row';
import { aliasNamesIn, pseudonymiseSegmentRows } from '@shared/privacy/pseudonymise-segments';
import { fileStem } from '@shared/util/file-name';

import type { Services } from '../../../app/services';
import { bundleToExport, privacySentence, PSEUDONYMISED, type PrivacyChoice } from '../../files/export-privacy';

const CSV = [{ name: 'CSV', extensions: ['csv'] }];
const HTML = [{ name: 'HTML report', extensions: ['html'] }];

export interface ExportContext {
  projectName: string;
  /** Filters in words ("coder: Ada"), for the report's header. */
  filters: readonly string[];
}

const allRows = (selection: SegmentSelection) => segmentRows(selection, 0, selection.total);

interface ReportRows {
  rows: SegmentRow[];
  /** A header line with names as aliases (unchanged when identified). */
  line: (text: string) => string;
  sentence: string;
}

/** The result's rows as the export writes them: pseudonymised from the same step every export takes, unless unticked. */
async function reportRows(services: Services, selection: SegmentSelection, privacy: PrivacyChoice): Promise<ReportRows> {
  const rows = allRows(selection);
  if (!privacy.pseudonymize) return { rows, line: (text) => text, sentence: privacySentence(null) };
  const prepared = await bundleToExport(services, privacy);
  return { rows: pseudonymiseSegmentRows(rows, prepared.bundle), line: (text) => aliasNamesIn(text, prepared.key), sentence: privacySentence(prepared.report) };
}

export async function exportSegmentsCsv(services: Services, selection: SegmentSelection, context: ExportContext, spreadsheetSafe: boolean, privacy: PrivacyChoice = PSEUDONYMISED): Promise<void> {
  const name = `${fileStem(context.projectName)}-segments${spreadsheetSafe ? '-spreadsheet' : ''}.csv`;
  const report = await reportRows(services, selection, privacy);
  await save(services, name, segmentsCsv(report.rows, { spreadsheetSafe }), CSV, selection.total, report.sentence);
}

export async function exportSegmentsHtml(services: Services, selection: SegmentSelection, context: ExportContext, privacy: PrivacyChoice = PSEUDONYMISED): Promise<void> {
  const report = await reportRows(services, selection, privacy);
  const html = segmentsHtml(report.rows, { projectName: context.projectName, description: report.line(selection.description), filters: context.filters.map(report.line), generatedAt: services.clock.now() });
  await save(services, `${fileStem(context.projectName)}-segments.html`, html, HTML, selection.total, report.sentence);
}

async function save(services: Services, name: string, content: string, filters: Array<{ name: string; extensions: string[] }>, count: number, sentence: string): Promise<void> {
  const saved = await services.platform.saveTextFile(name, content, filters);
  if (!saved.ok) services.announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) services.announce(`Exported ${count.toLocaleString('en-US')} ${count === 1 ? 'segment' : 'segments'} to ${saved.value}.${sentence}`);
}
