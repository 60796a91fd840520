import { useMemo } from 'react';

import { BAND_COLORS, barChartLayout, CHART_FONT_SIZE, estimateTextWidth, type MeasureText } from '@shared/agreement/report/chart-layout';
import { coefficientLabel } from '@shared/agreement/report/coefficient-names';
import type { ReportRow } from '@shared/agreement/report/report-rows';

const CHART_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/** Widths measured in the chart's own font where a canvas can measure, else estimated. */
function canvasMeasure(): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return (text) => estimateTextWidth(text);
  context.font = `${CHART_FONT_SIZE}px ${CHART_FONT_FAMILY}`;
  return (text) => context.measureText(text).width;
}

/** Per-code values of one coefficient, with the .667 and .800 reference lines. The table carries the same numbers. */
export function AgreementChart({ rows, metric }: { rows: readonly ReportRow[]; metric: string }) {
  const measure = useMemo(canvasMeasure, []);
  const layout = useMemo(() => barChartLayout(rows, { measure }), [rows, measure]);
  if (rows.length === 0) return null;
  const name = coefficientLabel(metric);
  return (
    <figure className="agreement-chart">
      <svg
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={`${name} per code; the table above gives the same numbers`}
        fontSize={CHART_FONT_SIZE}
        fontFamily={CHART_FONT_FAMILY}
      >
        {layout.ticks.map((t) => (
          <g key={t.value}>
            <line
              x1={t.x}
              x2={t.x}
              y1={layout.axisTop}
              y2={layout.axisBottom}
              stroke={t.kind === 'end' ? '#ddd' : '#999'}
              strokeDasharray={t.kind === 'threshold' ? '4 3' : undefined}
            />
            <text x={t.labelX} y={layout.tickLabelY + t.row * 14} textAnchor="middle" fill="#555">
              {t.label}
            </text>
          </g>
        ))}
        {layout.bars.map((bar, i) => (
          <g key={i} data-code={bar.fullLabel}>
            <title>{`${bar.fullLabel}: ${bar.valueLabel}`}</title>
            <text x={layout.labelEnd} y={bar.y + 15} textAnchor="end">
              {bar.label}
            </text>
            {bar.value === null ? null : (
              <rect x={bar.x} y={bar.y + 3} width={bar.width} height={layout.barHeight - 8} fill={BAND_COLORS[bar.band]} />
            )}
            <text x={bar.valueX} y={bar.y + 15} fill={bar.value === null ? '#666' : undefined}>
              {bar.valueLabel}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {name} per code; dashed lines at .667 and .800 (Krippendorff’s thresholds for tentative and reliable conclusions)
      </figcaption>
    </figure>
  );
}
