import { useMemo } from 'react';

import type { CoOccurrenceMatrix } from '@shared/analysis/tables/co-occurrence';
import { BY_LABELS, MEASURE_LABELS } from '@shared/analysis/tables/table-options';

import { ChartFigure } from './ChartFigure';
import { ChartTable, figureLookup } from './ChartTable';
import { heatmap } from './chart-data';
import { heatmapChart } from './charts';
import { formatFigure } from './format';

/** The co-occurrence heatmap of the codes in use (Plot is loaded with this module, only when shown). */
export default function HeatmapChart({ matrix, who }: { matrix: CoOccurrenceMatrix; who: string }) {
  const jaccard = matrix.measure === 'jaccard';
  const map = useMemo(() => heatmap(matrix), [matrix]);
  const svg = useMemo(() => heatmapChart(map, MEASURE_LABELS[matrix.measure], jaccard), [map, matrix.measure, jaccard]);
  const valueOf = useMemo(() => figureLookup(map.data, (d) => d.row, (d) => d.col, (d) => d.value), [map]);
  if (map.codes.length === 0) return <p className="empty">No codings to chart yet.</p>;
  const unit = matrix.by === 'thread' ? 'threads' : 'posts';
  const title = `Code co-occurrence: ${BY_LABELS[matrix.by].toLowerCase()}`;
  const codeHeaders = map.codes.map((c) => ({ key: c.codeId, label: c.label }));
  return (
    <ChartFigure
      title={title}
      description={`Heatmap of ${map.codes.length} codes (${who}); each cell gives the ${jaccard ? 'Jaccard index' : `number of ${unit}`} in which the row and column codes co-occur, darker for more.`}
      fileName={`co-occurrence-${matrix.by}-${matrix.measure}`}
      svg={svg}
      table={
        <ChartTable
          caption={`${title}, ${MEASURE_LABELS[matrix.measure].toLowerCase()} (${who})`}
          corner="Code"
          rows={codeHeaders}
          columns={codeHeaders}
          figure={(a, b) => formatFigure(valueOf(a, b), jaccard)}
        />
      }
    />
  );
}
