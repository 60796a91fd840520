/**
 * The Attributes tab's CSV export: pseudonymised unless unticked (PseudonymiseOption), from the
 * same step every export takes (files/export-privacy.ts): author cases keyed by alias, as
 * `threadmark attributes` prints them. A pseudonymised file is for leaving the project; Import CSV
 * takes the identified one (its authors are the project's real names).
 */
import { attributesCsv } from '@shared/analysis/attributes/attributes-csv';
import { attributesOf } from '@shared/analysis/attributes/attributes-of';
import type { AttributeScope } from '@shared/model/records';
import { bundleAttributeTables } from '@shared/privacy/pseudonymised-analysis';
import { fileStem } from '@shared/util/file-name';

import type { Services } from '../../../app/services';
import { storeOf } from '../../../db/project-store';
import { bundleToExport, privacySentence, PSEUDONYMISED, type PrivacyChoice } from '../../files/export-privacy';

export async function exportAttributesCsv(services: Services, scope: AttributeScope, projectName: string, privacy: PrivacyChoice = PSEUDONYMISED): Promise<void> {
  let table;
  let sentence: string;
  if (privacy.pseudonymize) {
    const prepared = await bundleToExport(services, privacy);
    table = bundleAttributeTables(prepared.bundle)[scope];
    sentence = privacySentence(prepared.report);
  } else {
    table = (await storeOf(services.db).read(attributesOf))[scope];
    sentence = privacySentence(null);
  }
  const name = `${fileStem(projectName)}-${scope}-attributes.csv`;
  const saved = await services.platform.saveTextFile(name, attributesCsv(table, 'formula'), [{ name: 'CSV', extensions: ['csv'] }]);
  if (!saved.ok) services.announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) services.announce(`Exported the attributes of ${table.cases.length} ${scope}s to ${saved.value}.${sentence}`);
}
