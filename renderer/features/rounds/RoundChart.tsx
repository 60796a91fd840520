import { BAND_COLORS } from '@shared/agreement/report/chart-layout';
import { formatValue } from '@shared/agreement/report/format';

import { sparkLayout } from './round-chart-layout';
import type { CodeSeries } from './round-series';

const band = (value: number): keyof typeof BAND_COLORS => (value >= 0.8 ? 'reliable' : value >= 0.667 ? 'tentative' : 'unreliable');

/** One code's α per round as a small line chart, with the .667 and .800 lines; each point's value in its <title>. The table below the charts carries the same numbers. */
export function RoundChart({ series }: { series: CodeSeries }) {
  const layout = sparkLayout(series.points);
  const label = `${series.path}: Krippendorff’s α per round`;
  return (
    <figure className="round-chart">
      <figcaption>
        <span className="round-chart-name" title={series.path}>
          {series.path}
        </span>
        <span className="round-chart-latest">{series.latest === null ? 'not defined' : formatValue(series.latest)}</span>
      </figcaption>
      <svg width={layout.width} height={layout.height} role="img" aria-label={label} fontSize="10">
        <title>{label}</title>
        {layout.guides.map((g) => (
          <g key={g.value}>
            <line
              x1={layout.plotLeft}
              x2={layout.plotRight}
              y1={g.y}
              y2={g.y}
              stroke={g.kind === 'threshold' ? '#999' : '#ddd'}
              strokeDasharray={g.kind === 'threshold' ? '4 3' : undefined}
            />
            {/* .667 and .800 are 12 px apart: each label sits on its own line's far side so they never touch. */}
            <text x={layout.plotLeft - 4} y={g.y + (g.value === 0.667 ? 8 : g.value === 0.8 ? -1 : 3)} textAnchor="end" fill="#555">
              {g.label}
            </text>
          </g>
        ))}
        {layout.ticks.map((t) => (
          <text key={t.label} x={t.x} y={layout.height - 6} textAnchor="middle" fill="#555">
            {t.label}
          </text>
        ))}
        {layout.segments.map((points, i) => (
          <polyline key={i} points={points} fill="none" stroke="#2f5bd3" strokeWidth="2" />
        ))}
        {layout.points.map((p) => (
          <circle key={`${p.x}`} cx={p.x} cy={p.y} r="4" fill={BAND_COLORS[band(p.value)]} stroke="#fff" strokeWidth="1">
            <title>{p.title}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
