/**
 * The codebook and the coders as tables, for the XLSX workbook beside the segments and the matrices
 * (docs/formats.md). The codebook sheet has the codebook CSV's columns (same paths, same order) and
 * then each code's number of codings and exemplar coding ids.
 */
import type { Bundle } from '../bundle/bundle';
import { sortCodesAsTree } from '../codebook/code-path';
import { CODEBOOK_CSV_COLUMNS } from '../codebook/codebook-csv-columns';
import { escapedCodePaths } from '../codebook/escaped-code-path';
import type { ExportColumn, ExportTable } from './export-table';

const FLAGS: readonly string[] = ['codable', 'retired'];

export function codebookTable(bundle: Bundle): ExportTable {
  const paths = escapedCodePaths(bundle.codes);
  const codings = countCodings(bundle, (c) => c.codeId);
  const columns: ExportColumn[] = [
    ...CODEBOOK_CSV_COLUMNS.map((name): ExportColumn => ({ name, type: FLAGS.includes(name) ? 'boolean' : 'string' })),
    { name: 'codings', type: 'integer' },
    { name: 'exemplar_coding_ids', type: 'string' },
  ];
  const rows = sortCodesAsTree(bundle.codes).map(({ code }) => [
    paths.get(code.id) ?? '',
    code.name,
    code.parentId !== null && code.parentId !== code.id ? (paths.get(code.parentId) ?? '') : '',
    code.definition,
    code.inclusion,
    code.exclusion,
    code.examples.join('\n'),
    code.color,
    code.codable,
    code.retired,
    code.shortcut,
    code.id,
    codings.get(code.id) ?? 0,
    code.exemplarCodingIds.join(' '),
  ]);
  return { name: 'codebook', columns, rows };
}

export function codersTable(bundle: Bundle): ExportTable {
  const codings = countCodings(bundle, (c) => c.coderId);
  return {
    name: 'coders',
    columns: [
      { name: 'coder_id', type: 'string' },
      { name: 'name', type: 'string' },
      { name: 'codings', type: 'integer' },
    ],
    rows: bundle.coders.map((c) => [c.id, c.name, codings.get(c.id) ?? 0]),
  };
}

function countCodings(bundle: Bundle, key: (c: Bundle['codings'][number]) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of bundle.codings) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return counts;
}
