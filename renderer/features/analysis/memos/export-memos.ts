/**
 * The Memos tab's CSV export of the rows shown: pseudonymised unless unticked (PseudonymiseOption),
 * from the same step every export takes (files/export-privacy.ts) and the same rows
 * `threadmark export --to memos-csv` writes (shared/privacy/pseudonymised-analysis.ts): post
 * targets, thread titles and memo texts with authors and mentions as aliases.
 */
import type { MemoRow } from '@shared/analysis/memos/memo-list';
import { memosCsv } from '@shared/export/memos-csv';
import { bundleMemoRows } from '@shared/privacy/pseudonymised-analysis';
import { fileStem } from '@shared/util/file-name';

import type { Services } from '../../../app/services';
import { bundleToExport, privacySentence, PSEUDONYMISED, type PrivacyChoice } from '../../files/export-privacy';

export async function exportMemosCsv(services: Services, rows: readonly MemoRow[], projectName: string, privacy: PrivacyChoice = PSEUDONYMISED): Promise<void> {
  let written: readonly MemoRow[] = rows;
  let sentence = privacySentence(null);
  if (privacy.pseudonymize) {
    const prepared = await bundleToExport(services, privacy);
    written = await bundleMemoRows(prepared.bundle, rows);
    sentence = privacySentence(prepared.report);
  }
  const name = `${fileStem(projectName)}-memos.csv`;
  const saved = await services.platform.saveTextFile(name, memosCsv(written, { spreadsheetSafe: true }), [{ name: 'CSV', extensions: ['csv'] }]);
  if (!saved.ok) services.announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) services.announce(`Exported ${written.length} ${written.length === 1 ? 'memo' : 'memos'} to ${saved.value}.${sentence}`);
}
