import { type Bundle, BUNDLE_EXTENSION } from '@shared/bundle/bundle';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { coderCodings } from '@shared/export/coder-codings';
import { fileStem } from '@shared/util/file-name';

import type { Services } from '../../app/services';
import { APP_INFO } from '../../app/app-info';
import { bundleFileBytes, exportBundle, importBundle, readBundleFile, type BundleReadLimits } from '../../db/project-store';
import { bundleToExport, privacySentence, PSEUDONYMISED, type PrivacyChoice } from './export-privacy';

const BUNDLE_FILTERS = [{ name: 'Threadmark project bundle', extensions: ['json'] }];
const CSV_FILTERS = [{ name: 'CSV', extensions: ['csv'] }];

export async function exportProjectBundle({ db, platform, clock, announce }: Services): Promise<void> {
  const bundle = await exportBundle(db, { clock, app: APP_INFO });
  const name = `${fileStem(bundle.project.name)}${BUNDLE_EXTENSION}`;
  // Bytes built in chunks (serializeBundle's exactly): a big project is longer than V8's longest string.
  const saved = await platform.saveBinaryFile(name, bundleFileBytes(bundle), BUNDLE_FILTERS);
  if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) announce(`Exported the project (${bundle.codings.length} codings) to ${saved.value}.`);
}

/**
 * `spreadsheetSafe` prefixes ' to cells a spreadsheet would run as a formula (OWASP CSV injection):
 * for Excel. Off, the text is exact: for R, Python and SPSS. `only.coder`: one coder's layer by id or
 * name, as `threadmark export --coder` (the Adjudication view exports the consensus coder's): same
 * columns, the coder's name in the file name.
 */
export async function exportCodedSegments(
  services: Services,
  spreadsheetSafe = false,
  only: { coder?: string } = {},
  privacy: PrivacyChoice = PSEUDONYMISED,
): Promise<void> {
  const { platform, announce } = services;
  const { bundle: whole, report } = await bundleToExport(services, privacy);
  const layerOf = only.coder === undefined ? null : coderCodings(whole, only.coder);
  if (layerOf && !layerOf.ok) {
    announce(`Nothing exported: ${layerOf.error.message}.`, 'error');
    return;
  }
  const bundle = layerOf ? layerOf.value : whole;
  const wanted = only.coder?.trim().toLowerCase();
  const coderName = wanted === undefined ? undefined : (whole.coders.find((c) => c.id === only.coder) ?? whole.coders.find((c) => c.name.trim().toLowerCase() === wanted))?.name;
  const layer = coderName === undefined ? '' : `-${fileStem(coderName)}`;
  const name = `${fileStem(bundle.project.name)}${layer}-coded-segments${spreadsheetSafe ? '-spreadsheet' : ''}.csv`;
  const saved = await platform.saveTextFile(name, codedSegmentsCsv(bundle, { spreadsheetSafe }), CSV_FILTERS);
  if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) announce(`Exported ${bundle.codings.length} coded segments to ${saved.value}.${privacySentence(report)}`);
}

/**
 * Lets the user pick a bundle and parses and validates it completely. Null when cancelled or the
 * file could not be read (said in the status line); every problem of an invalid file otherwise.
 */
export async function openBundleFile(
  { platform, announce }: Pick<Services, 'platform' | 'announce'>,
  title: string,
  limits?: BundleReadLimits,
): Promise<{ name: string; bundle: Bundle } | ImportReport | null> {
  // Bytes, read in chunks (renderer/db/bundle-io.ts): no whole-file string, so a bundle past 512 MB opens.
  const opened = await platform.openBinaryFile(title, BUNDLE_FILTERS);
  if (!opened.ok) {
    announce(opened.error, 'error');
    return null;
  }
  if (!opened.value) return null;
  const { name, bytes } = opened.value;
  const read = await readBundleFile(name, bytes, limits);
  if (read.ok) return { name, bundle: read.value };
  if ('notText' in read.error) {
    // As when the platform could not read the file: said in the status line, nothing opened.
    announce(read.error.notText, 'error');
    return null;
  }
  return { fileName: name, problems: read.error.problems };
}

export interface ImportReport {
  fileName: string;
  problems: string[];
}

/**
 * Opens a bundle and adds what the project does not have yet. A bundle with any problem is refused
 * whole, with every problem named; nothing already stored is changed.
 */
export async function importProjectBundle(services: Services): Promise<ImportReport | null> {
  const { db, tracker, announce } = services;
  const opened = await openBundleFile(services, 'Import a project bundle');
  if (opened === null || 'problems' in opened) return opened;
  const { name, bundle } = opened;
  try {
    const summary = await tracker.track('import bundle', importBundle(db, bundle, { clock: services.clock, ids: services.ids, source: name }));
    const added = summary.added;
    const skipped = Object.values(summary.skipped).reduce((a, b) => a + b, 0);
    announce(
      `Imported ${name}: ${added.threads} threads, ${added.posts} posts, ${added.codes} codes, ${added.codings} codings added` +
        (skipped > 0 ? `; ${skipped} records already present were kept as they were.` : '.'),
    );
    return null;
  } catch (error) {
    return { fileName: name, problems: [`The import was rolled back: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
