import { BAND_COLORS, barChartLayout } from './chart-layout';
import type { ReportRow } from './report-rows';

export interface ReportMeta {
  title: string;
  unit: string;
  coders: readonly string[];
  /** ISO 8601 time the report was made (passed in: shared/ is deterministic). */
  createdAt: string;
  app: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every piece of text (code names, coder names) comes from users' files: always escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toFixed(3));

/**
 * A self-contained HTML report (inline style, no script, no external resource): the table of
 * coefficients and a bar chart of the chosen headline coefficient per code.
 */
export function reportHtml(rows: readonly ReportRow[], meta: ReportMeta, headline: string): string {
  const table = rows
    .map(
      (r) => `<tr><td>${escapeHtml(r.code)}</td><td>${escapeHtml(r.pair ?? 'all')}</td><td>${escapeHtml(r.metric)}</td>` +
        `<td class="num">${r.n ?? '—'}</td><td class="num">${fmt(r.value)}</td>` +
        `<td class="num">${r.interval ? `${fmt(r.interval.low)} – ${fmt(r.interval.high)}` : '—'}</td>` +
        `<td>${escapeHtml(r.reading ?? r.reason ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(meta.title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
table { border-collapse: collapse; margin-top: 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #555; }
</style>
</head>
<body>
<h1>${escapeHtml(meta.title)}</h1>
<p class="meta">Unit: ${escapeHtml(meta.unit)} · Coders: ${escapeHtml(meta.coders.join(', '))} · ${escapeHtml(meta.createdAt)} · ${escapeHtml(meta.app)}</p>
${barChartSvg(rows.filter((r) => r.metric === headline), headline)}
<table>
<thead><tr><th>Code</th><th>Coders</th><th>Coefficient</th><th>n</th><th>Value</th><th>95% interval</th><th>Reading</th></tr></thead>
<tbody>
${table}
</tbody>
</table>
<p class="meta">Readings: Krippendorff's α ≥ .800 reliable, ≥ .667 tentative (Krippendorff 2004); κ after Landis &amp; Koch (1977).</p>
</body>
</html>
`;
}

/** The bar chart as an SVG string; undefined values are named, not drawn. */
export function barChartSvg(rows: readonly ReportRow[], metric: string): string {
  const layout = barChartLayout(rows);
  const bars = layout.bars
    .map((bar) => {
      const label = `<text x="${layout.labelWidth - 8}" y="${bar.y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>`;
      if (bar.value === null) return `${label}<text x="${bar.x + 4}" y="${bar.y + 15}" fill="#888">not defined</text>`;
      const end = bar.value < 0 ? bar.x : bar.x + bar.width;
      return `${label}<rect x="${bar.x}" y="${bar.y + 3}" width="${bar.width}" height="${layout.barHeight - 8}" fill="${BAND_COLORS[bar.band]}"/><text x="${end + 4}" y="${bar.y + 15}">${bar.value.toFixed(3)}</text>`;
    })
    .join('');
  const guides = layout.guides
    .map((g) => `<line x1="${g.x}" x2="${g.x}" y1="14" y2="${layout.height - 16}" stroke="#999" stroke-dasharray="${g.value === 0 ? '' : '4 3'}"/><text x="${g.x}" y="${layout.height - 2}" text-anchor="middle" fill="#555">${g.value}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(metric)} per code" width="${layout.width}" height="${layout.height}" font-family="system-ui, sans-serif" font-size="12"><text x="${layout.labelWidth}" y="11" fill="#555">${escapeHtml(metric)}</text>${guides}${bars}</svg>`;
}
