import { useMemo } from 'react';

import type { CoOccurrenceMatrix } from '@shared/analysis/tables/co-occurrence';
import { BY_LABELS, MEASURE_LABELS } from '@shared/analysis/tables/table-options';

import { ChartFigure } from './ChartFigure';
import { heatmap } from './chart-data';
import { heatmapChart } from './charts';
import { formatFigure } from './format';

/** The co-occurrence heatmap of the codes in use (Plot is loaded with this module, only when shown). */
export default function HeatmapChart({ matrix, who }: { matrix: CoOccurrenceMatrix; who: string }) {
  const jaccard = matrix.measure === 'jaccard';
  const map = useMemo(() => heatmap(matrix), [matrix]);
  const svg = useMemo(() => heatmapChart(map, MEASURE_LABELS[matrix.measure], jaccard), [map, matrix.measure, jaccard]);
  if (map.codes.length === 0) return <p className="empty">No codings to chart yet.</p>;
  const unit = matrix.by === 'thread' ? 'threads' : 'posts';
  const title = `Code co-occurrence: ${BY_LABELS[matrix.by].toLowerCase()}`;
  const valueOf = (row: string, col: string) => map.data.find((d) => d.row === row && d.col === col)?.value ?? null;
  return (
    <ChartFigure
      title={title}
      description={`Heatmap of ${map.codes.length} codes (${who}); each cell gives the ${jaccard ? 'Jaccard index' : `number of ${unit}`} in which the row and column codes co-occur, darker for more.`}
      fileName={`co-occurrence-${matrix.by}-${matrix.measure}`}
      svg={svg}
      table={
        <table className="count-table">
          <caption>{`${title}, ${MEASURE_LABELS[matrix.measure].toLowerCase()} (${who})`}</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              {map.codes.map((c) => (
                <th scope="col" key={c.codeId}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.codes.map((a) => (
              <tr key={a.codeId}>
                <th scope="row">{a.label}</th>
                {map.codes.map((b) => (
                  <td key={b.codeId}>{formatFigure(valueOf(a.codeId, b.codeId), jaccard)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
