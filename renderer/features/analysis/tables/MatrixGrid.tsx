import { coOccurrenceCellQuery } from '@shared/analysis/tables/cell-query';
import type { CoOccurrenceMatrix } from '@shared/analysis/tables/co-occurrence';
import type { SegmentQuery } from '@shared/analysis/segments/segment-query';

import { CodeRowHeader } from './CodeRowHeader';
import { formatFigure } from './format';

interface Props {
  matrix: CoOccurrenceMatrix;
  caption: string;
  onOpen: (query: SegmentQuery) => void;
}

/** The code × code matrix; a non-empty cell opens the row code's segments that co-occur with the column code. */
export function MatrixGrid({ matrix, caption, onOpen }: Props) {
  const ratio = matrix.measure === 'jaccard';
  const unit = matrix.by === 'thread' ? 'threads' : 'posts';
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="count-table matrix">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="corner">
              Code
            </th>
            {matrix.codes.map((c) => (
              <th scope="col" key={c.codeId} title={c.path}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.codes.map((a, i) => (
            <tr key={a.codeId}>
              <CodeRowHeader name={a.name} path={a.path} color={a.color} depth={a.depth} />
              {matrix.codes.map((b, j) => {
                const value = matrix.values[i]![j]!;
                const query = coOccurrenceCellQuery(matrix, i, j);
                const text = formatFigure(value, ratio);
                return (
                  <td key={b.codeId} className={i === j ? 'diagonal' : undefined}>
                    {query ? (
                      <button
                        type="button"
                        className="cell-button"
                        aria-label={`${text} (${formatFigure(matrix.counts[i]![j]!)} ${unit}): ${a.path} with ${b.path}. Open the segments`}
                        onClick={() => onOpen(query)}
                      >
                        {text}
                      </button>
                    ) : (
                      <span className="zero">{text}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
