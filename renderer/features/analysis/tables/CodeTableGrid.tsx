import { codeTableCellQuery } from '@shared/analysis/tables/cell-query';
import type { CodeTable } from '@shared/analysis/tables/code-table';
import { COUNT_LABELS } from '@shared/analysis/tables/table-options';
import type { SegmentQuery } from '@shared/analysis/segments/segment-query';

import { CodeRowHeader } from './CodeRowHeader';
import { formatFigure } from './format';

/** More columns than this (authors of a big corpus) are left to the CSV export. */
export const MAX_SHOWN_COLUMNS = 100;

interface Props {
  table: CodeTable;
  caption: string;
  onOpen: (query: SegmentQuery) => void;
}

/**
 * The code × column table: sticky header row and code column; every non-empty cell (and row
 * total) is a button that opens its segments in the Segments tab.
 */
export function CodeTableGrid({ table, caption, onOpen }: Props) {
  const columns = table.columns.slice(0, MAX_SHOWN_COLUMNS);
  const what = COUNT_LABELS[table.count].toLowerCase();
  const cell = (row: number, col: number | null, value: number, label: string) => {
    const query = codeTableCellQuery(table, row, col);
    if (!query) return <span className={value === 0 ? 'zero' : undefined}>{formatFigure(value)}</span>;
    return (
      <button type="button" className="cell-button" aria-label={`${formatFigure(value)} ${what}: ${label}. Open the segments`} onClick={() => onOpen(query)}>
        {formatFigure(value)}
      </button>
    );
  };
  return (
    <>
      {table.columns.length > columns.length ? (
        <p className="note">
          Showing the first {MAX_SHOWN_COLUMNS} of {table.columns.length.toLocaleString('en-US')} columns; Export CSV has them all.
        </p>
      ) : null}
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="count-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="corner">
                Code
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.key} title={c.label}>
                  {c.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={r.codeId}>
                <CodeRowHeader name={r.name} path={r.path} color={r.color} depth={r.depth} />
                {columns.map((c, j) => (
                  <td key={c.key}>{cell(i, j, r.cells[j]!, `${r.path} × ${c.label}`)}</td>
                ))}
                <td className="total">{cell(i, null, r.total, `${r.path}, all`)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {columns.map((c) => (
                <td key={c.key}>{formatFigure(c.total)}</td>
              ))}
              <td className="total">{formatFigure(table.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
