import type { CodeTable } from '@shared/analysis/tables/code-table';
import type { CoOccurrenceMatrix } from '@shared/analysis/tables/co-occurrence';
import { coOccurrenceCsv, codeTableCsv } from '@shared/analysis/tables/table-csv';

import type { Services } from '../../../app/services';

const CSV = [{ name: 'CSV', extensions: ['csv'] }];

async function save(services: Services, name: string, content: string, what: string): Promise<void> {
  const saved = await services.platform.saveTextFile(name, content, CSV);
  if (!saved.ok) services.announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) services.announce(`Exported the ${what} to ${saved.value}.`);
}

export function exportCodeTableCsv(services: Services, table: CodeTable): Promise<void> {
  return save(services, `codes-by-${table.cols.replace(/[^\w-]+/g, '-')}-${table.count}.csv`, codeTableCsv(table), 'table');
}

export function exportMatrixCsv(services: Services, matrix: CoOccurrenceMatrix): Promise<void> {
  return save(services, `co-occurrence-${matrix.by}-${matrix.measure}.csv`, coOccurrenceCsv(matrix), 'co-occurrence matrix');
}
