import { columnHeader } from '@shared/agreement/report/coefficient-names';
import { formatInterval, formatValue } from '@shared/agreement/report/format';
import type { MatrixCell, ReportMatrix } from '@shared/agreement/report/report-matrix';
import { Isolated } from '../../app/ui/Isolated';

interface Props {
  matrix: ReportMatrix;
  /** The unit's machine name: what the n column counts. */
  unit: string;
  /** The code whose detail is open (by path), if any. */
  chosen: string | null;
  /** Opens a code's detail: what the other coder used instead, and the posts where they differ. */
  onInspect: (codePath: string) => void;
  inspectable: (codePath: string) => boolean;
}

const noteId = (note: number) => `agreement-note-${note}`;

/**
 * Codes × coefficients: one row per code (per code and coder pair where the unit is pairwise), one
 * column per chosen coefficient, n once per row, the bootstrap interval beside α. Every cell is
 * addressable as td[data-code][data-metric] (and [data-pair]); its number is [data-value].
 */
export function AgreementTable({ matrix, unit, chosen, onInspect, inspectable }: Props) {
  return (
    <div className="agreement-matrix-scroll">
      <table className="agreement-table agreement-matrix">
        <caption>
          Agreement per code{matrix.pairwise ? ' and pair of coders' : ''}
          <span className="muted"> · choose a code for what the coders used instead and the posts where they differ</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {matrix.pairwise ? <th scope="col">Coders</th> : null}
            {matrix.columns.map((column) => {
              const { name, qualifier } = columnHeader(column, unit);
              const key = column.kind === 'n' ? 'n' : `${column.kind}:${column.metric}`;
              return (
                <th
                  key={key}
                  scope="col"
                  className="num"
                  data-metric={column.kind === 'value' ? column.metric : undefined}
                  data-interval={column.kind === 'interval' ? column.metric : undefined}
                >
                  {name}
                  {qualifier ? <span className="column-qualifier"> {qualifier}</span> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => {
            const isChosen = chosen === row.code && row.scope === 'code';
            const rowData = { 'data-code': row.code, 'data-pair': row.pair ?? undefined };
            return (
              <tr key={`${row.code}\u0000${row.pair ?? ''}`} {...rowData} className={[row.scope === 'code' ? '' : 'summary-row', isChosen ? 'chosen-row' : ''].join(' ').trim() || undefined}>
                <th scope="row">
                  {row.scope === 'code' && inspectable(row.code) ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onInspect(row.code)}
                      aria-current={isChosen ? 'true' : undefined}
                      aria-controls={isChosen ? 'disagreements' : undefined}
                      title="What the other coder used instead, and the posts where the coders differ"
                    >
                      <Isolated>{row.code}</Isolated>
                    </button>
                  ) : (
                    <Isolated>{row.code}</Isolated>
                  )}
                </th>
                {matrix.pairwise ? <td>{row.pair ? <PairNames pair={row.pair} /> : 'all'}</td> : null}
                {row.cells.map((cell, i) => (
                  <Cell key={i} cell={cell} {...rowData} notes={matrix.notes} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {matrix.notes.length > 0 ? (
        <ol className="matrix-notes" aria-label="Notes to the table">
          {matrix.notes.map((text, i) => (
            <li key={i} id={noteId(i + 1)} value={i + 1}>
              {text}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Cell({ cell, notes, ...rowData }: { cell: MatrixCell; notes: readonly string[]; 'data-code': string; 'data-pair'?: string }) {
  // "—" and the note's number; the note itself is the cell's description (aria-describedby).
  const noted = (note: number | null, value: boolean) =>
    note === null ? null : (
      <>
        <span data-value={value ? '' : undefined} title={notes[note - 1]}>
          —
        </span>
        <sup className="note-ref">{note}</sup>
      </>
    );
  switch (cell.kind) {
    case 'n':
      return (
        <td className="num" {...rowData} data-n="">
          {cell.n === null ? '' : cell.n.toLocaleString('en-US')}
        </td>
      );
    case 'none':
      return <td className="num muted" {...rowData} data-metric={cell.metric} />;
    case 'value':
      return (
        <td className="num" {...rowData} data-metric={cell.metric} aria-describedby={cell.note === null ? undefined : noteId(cell.note)}>
          {cell.value === null ? (
            noted(cell.note, true)
          ) : (
            <>
              <span data-value={cell.value}>{formatValue(cell.value)}</span>
              {cell.reading ? <span className="reading">{cell.reading}</span> : null}
            </>
          )}
        </td>
      );
    case 'interval':
      return (
        <td className="num interval" {...rowData} data-interval={cell.metric} aria-describedby={cell.note === null ? undefined : noteId(cell.note)}>
          {cell.interval ? formatInterval(cell.interval.low, cell.interval.high) : noted(cell.note, false)}
        </td>
      );
  }
}

/** A pair of coders ("Ada|Ben") as two isolated names. */
function PairNames({ pair }: { pair: string }) {
  const cut = pair.indexOf('|');
  if (cut < 0) return <Isolated>{pair}</Isolated>;
  return (
    <>
      <Isolated>{pair.slice(0, cut)}</Isolated> vs <Isolated>{pair.slice(cut + 1)}</Isolated>
    </>
  );
}
