import { UNIT_NAMES } from '@shared/agreement/report/coefficient-names';
import { reportCsv } from '@shared/agreement/report/report-csv';
import { reportHtml } from '@shared/agreement/report/report-html';
import type { ReportRow } from '@shared/agreement/report/report-rows';
import { reliabilityMatrixCsv } from '@shared/agreement/reliability-matrix-csv';
import { selectCodes } from '@shared/agreement/units/code-selection';
import { postCodeUnitData } from '@shared/agreement/units/post-unit';
import { codePath } from '@shared/codebook/code-path';

import { APP_INFO } from '../../app/app-info';
import type { Services } from '../../app/services';
import type { AgreementSource } from './load-agreement-input';

interface ReportMetaInput {
  unit: string;
  coders: readonly string[];
}

const CSV = [{ name: 'CSV', extensions: ['csv'] }];

async function save(services: Services, name: string, content: string, filters: Array<{ name: string; extensions: string[] }>, what: string) {
  const saved = await services.platform.saveTextFile(name, content, filters);
  if (!saved.ok) services.announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) services.announce(`Exported the ${what} to ${saved.value}.`);
}

export function exportReportCsv(services: Services, rows: readonly ReportRow[], meta: ReportMetaInput) {
  // Formula-safe: code and coder names come from others' files (docs/decisions/0014-csv-safety-and-one-writer.md).
  return save(services, `agreement-${meta.unit}.csv`, reportCsv(rows, 'formula'), CSV, 'agreement report');
}

/** The HTML report: the matrix of `metrics` (in column order) and a chart of the first of them. */
export function exportReportHtml(services: Services, rows: readonly ReportRow[], meta: ReportMetaInput, metrics: readonly string[]) {
  const html = reportHtml(
    rows,
    {
      title: `Intercoder agreement (${UNIT_NAMES[meta.unit] ?? meta.unit} as unit)`,
      unit: meta.unit,
      coders: meta.coders,
      createdAt: services.clock.now(),
      app: `${APP_INFO.name} ${APP_INFO.version}`,
    },
    metrics,
  );
  return save(services, `agreement-${meta.unit}.html`, html, [{ name: 'HTML', extensions: ['html'] }], 'agreement report');
}

/** The post-unit reliability matrix (unit = post and code), which any other tool can recheck. */
export function exportMatrixCsv(
  services: Services,
  source: AgreementSource,
  codeIds: readonly string[],
  coders: ReadonlyArray<{ id: string; name: string }>,
) {
  const codesById = new Map(source.input.codes.map((c) => [c.id, c]));
  const selection = selectCodes(source.input, codeIds.map((id) => codePath(codesById, id)));
  if (!selection.ok) {
    services.announce(selection.error, 'error');
    return Promise.resolve();
  }
  const data = postCodeUnitData(source.input, selection.value.codes.map((c) => c.id), coders.map((c) => c.id));
  return save(services, 'reliability-matrix.csv', reliabilityMatrixCsv(data, 'formula'), CSV, 'reliability matrix');
}
