import { useMemo } from 'react';

import type { CodeTable } from '@shared/analysis/tables/code-table';
import { COUNT_LABELS } from '@shared/analysis/tables/table-options';

import { ChartFigure } from './ChartFigure';
import { ChartTable, figureLookup } from './ChartTable';
import { codeBars, monthStacks } from './chart-data';
import { barsChart, stackedChart } from './charts';
import { formatFigure } from './format';

interface Props {
  /** The table shown above: its row totals are the bars. */
  table: CodeTable;
  /** The same count by month: the stacked bars. */
  byMonth: CodeTable;
  /** "all coders", "Ada": said in titles. */
  who: string;
}

/** Bars per code and stacked bars per month (Plot is loaded with this module, only when shown). */
export default function FrequencyCharts({ table, byMonth, who }: Props) {
  const countLabel = COUNT_LABELS[table.count];
  const bars = useMemo(() => codeBars(table), [table]);
  const stacks = useMemo(() => monthStacks(byMonth), [byMonth]);
  const stackValue = useMemo(() => figureLookup(stacks.data, (d) => d.month, (d) => d.codeId, (d) => d.value), [stacks]);
  const barsSvg = useMemo(() => barsChart(bars, countLabel), [bars, countLabel]);
  const stackedSvg = useMemo(() => stackedChart(stacks, countLabel), [stacks, countLabel]);
  if (bars.length === 0) return <p className="empty">No codings to chart yet.</p>;
  const unit = countLabel.toLowerCase();
  return (
    <div className="tables-charts">
      <ChartFigure
        title={`${countLabel} per code`}
        description={`Bars, one per code in codebook order (${who}); the longest is ${bars.reduce((a, b) => (b.value > a.value ? b : a)).label} with ${formatFigure(Math.max(...bars.map((b) => b.value)))} ${unit}.`}
        fileName={`${table.count}-per-code`}
        svg={barsSvg}
        table={
          <table className="count-table">
            <caption>{`${countLabel} per code (${who})`}</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">{countLabel}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.codeId}>
                  <th scope="row">{b.label}</th>
                  <td>{formatFigure(b.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {stacks.months.length === 0 ? (
        <p className="empty">No coded post has a date: nothing to chart over time.</p>
      ) : (
        <ChartFigure
          title={`${countLabel} per month`}
          description={
            `Stacked bars from ${stacks.months[0]} to ${stacks.months[stacks.months.length - 1]}, one segment per code (${who}).` +
            (stacks.undated > 0 ? ` ${formatFigure(stacks.undated)} ${unit} in posts without a date are not shown.` : '')
          }
          fileName={`${table.count}-per-month`}
          svg={stackedSvg}
          table={
            <ChartTable
              caption={`${countLabel} per month and code (${who})`}
              corner="Month"
              rows={stacks.months.map((month) => ({ key: month, label: month }))}
              columns={stacks.codes.map((c) => ({ key: c.codeId, label: c.label }))}
              figure={(month, codeId) => formatFigure(stackValue(month, codeId) ?? 0)}
            />
          }
        />
      )}
    </div>
  );
}
