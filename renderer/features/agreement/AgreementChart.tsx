import { BAND_COLORS, barChartLayout } from '@shared/agreement/report/chart-layout';
import type { ReportRow } from '@shared/agreement/report/report-rows';

import { metricLabel } from './coefficient-choices';

/** Per-code values of one coefficient, with the .667 and .800 reference lines. The table carries the same numbers. */
export function AgreementChart({ rows, metric }: { rows: readonly ReportRow[]; metric: string }) {
  const layout = barChartLayout(rows);
  if (rows.length === 0) return null;
  return (
    <figure className="agreement-chart">
      <svg width={layout.width} height={layout.height} role="img" aria-label={`${metricLabel(metric)} per code`} fontSize="12">
        {layout.guides.map((g) => (
          <g key={g.value}>
            <line x1={g.x} x2={g.x} y1={14} y2={layout.height - 16} stroke="#999" strokeDasharray={g.value === 0 ? undefined : '4 3'} />
            <text x={g.x} y={layout.height - 2} textAnchor="middle" fill="#555">
              {g.value}
            </text>
          </g>
        ))}
        {layout.bars.map((bar, i) => (
          <g key={i}>
            <text x={layout.labelWidth - 8} y={bar.y + 15} textAnchor="end">
              {bar.label}
            </text>
            {bar.value === null ? (
              <text x={bar.x + 4} y={bar.y + 15} fill="#777">
                not defined
              </text>
            ) : (
              <>
                <rect x={bar.x} y={bar.y + 3} width={bar.width} height={layout.barHeight - 8} fill={BAND_COLORS[bar.band]} />
                <text x={(bar.value < 0 ? bar.x : bar.x + bar.width) + 4} y={bar.y + 15}>
                  {bar.value.toFixed(3)}
                </text>
              </>
            )}
          </g>
        ))}
      </svg>
      <figcaption>{metricLabel(metric)} per code</figcaption>
    </figure>
  );
}
