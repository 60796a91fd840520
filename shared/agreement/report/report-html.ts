import { barChartLayout, BAND_COLORS, CHART_FONT_SIZE, type MeasureText } from './chart-layout';
import { coefficientLabel, columnHeader, UNIT_NAMES } from './coefficient-names';
import { formatInterval, formatValue } from './format';
import { type MatrixCell, reportMatrix } from './report-matrix';
import type { ReportRow } from './report-rows';

export interface ReportMeta {
  title: string;
  /** The unit's machine name (post, char, span, unitized). */
  unit: string;
  coders: readonly string[];
  /** ISO 8601 time the report was made (passed in: shared/ is deterministic). */
  createdAt: string;
  app: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every piece of text (code names, coder names) comes from users' files: always escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/**
 * A self-contained HTML report (inline style, no script, no external resource): a bar chart of the
 * first chosen coefficient per code, and the matrix of codes × chosen coefficients
 * (report-matrix.ts) with coefficient names as a paper writes them and undefined values footnoted.
 */
export function reportHtml(rows: readonly ReportRow[], meta: ReportMeta, metrics: readonly string[]): string {
  const matrix = reportMatrix(rows, metrics);
  const headline = metrics[0];
  const header = [
    '<th scope="col">Code</th>',
    matrix.pairwise ? '<th scope="col">Coders</th>' : '',
    ...matrix.columns.map((column) => {
      const { name, qualifier } = columnHeader(column, meta.unit);
      return `<th scope="col" class="num">${escapeHtml(name)}${qualifier ? `<br><span class="q">${escapeHtml(qualifier)}</span>` : ''}</th>`;
    }),
  ].join('');
  const body = matrix.rows
    .map((row) => {
      const cells = row.cells.map(cellHtml).join('');
      const coders = matrix.pairwise ? `<td>${escapeHtml((row.pair ?? 'all').replace('|', ' vs '))}</td>` : '';
      return `<tr${row.scope === 'code' ? '' : ' class="summary"'}><th scope="row">${escapeHtml(row.code)}</th>${coders}${cells}</tr>`;
    })
    .join('\n');
  const notes = matrix.notes.length
    ? `<ol class="notes">${matrix.notes.map((text, i) => `<li id="note-${i + 1}">${escapeHtml(text)}</li>`).join('')}</ol>`
    : '';
  const unitName = UNIT_NAMES[meta.unit] ?? meta.unit;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(meta.title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
table { border-collapse: collapse; margin-top: 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #888; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.q, .reading { display: block; font-size: 0.8em; font-weight: 400; color: #555; }
tr.summary th, tr.summary td { border-top: 1px solid #888; }
.notes { color: #555; font-size: 0.9em; }
.meta { color: #555; }
</style>
</head>
<body>
<h1>${escapeHtml(meta.title)}</h1>
<p class="meta">Unit: ${escapeHtml(unitName)} · Coders: ${escapeHtml(meta.coders.join(', '))} · ${escapeHtml(meta.createdAt)} · ${escapeHtml(meta.app)}</p>
${headline ? barChartSvg(rows.filter((r) => r.metric === headline), headline) : ''}
<table>
<caption>Agreement per code (${escapeHtml(unitName)} as unit)</caption>
<thead><tr>${header}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${notes}
<p class="meta">Readings: Krippendorff’s α ≥ .800 reliable, ≥ .667 tentative (Krippendorff 2004); κ after Landis &amp; Koch (1977).</p>
</body>
</html>
`;
}

function cellHtml(cell: MatrixCell): string {
  const ref = (note: number | null) => (note === null ? '' : `<sup>${note}</sup>`);
  switch (cell.kind) {
    case 'n':
      return `<td class="num">${cell.n === null ? '' : cell.n.toLocaleString('en-US')}</td>`;
    case 'none':
      return '<td></td>';
    case 'value':
      return cell.value === null
        ? `<td class="num">—${ref(cell.note)}</td>`
        : `<td class="num">${formatValue(cell.value)}${cell.reading ? `<span class="reading">${cell.reading}</span>` : ''}</td>`;
    case 'interval':
      if (cell.interval) return `<td class="num">${formatInterval(cell.interval.low, cell.interval.high)}</td>`;
      return cell.note === null ? '<td></td>' : `<td class="num">—${ref(cell.note)}</td>`;
  }
}

/** The bar chart as an SVG string; a long code name is cut to fit with the whole name as its <title>. */
export function barChartSvg(rows: readonly ReportRow[], metric: string, measure?: MeasureText): string {
  const layout = barChartLayout(rows, measure ? { measure } : {});
  const name = coefficientLabel(metric);
  const bars = layout.bars
    .map((bar) => {
      const title = `<title>${escapeHtml(`${bar.fullLabel}: ${bar.valueLabel}`)}</title>`;
      const label = `<text x="${layout.labelEnd}" y="${bar.y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>`;
      const shape =
        bar.value === null ? '' : `<rect x="${bar.x}" y="${bar.y + 3}" width="${bar.width}" height="${layout.barHeight - 8}" fill="${BAND_COLORS[bar.band]}"/>`;
      const value = `<text x="${bar.valueX}" y="${bar.y + 15}"${bar.value === null ? ' fill="#666"' : ''}>${escapeHtml(bar.valueLabel)}</text>`;
      return `<g>${title}${label}${shape}${value}</g>`;
    })
    .join('');
  const ticks = layout.ticks
    .map(
      (t) =>
        `<line x1="${t.x}" x2="${t.x}" y1="${layout.axisTop}" y2="${layout.axisBottom}" stroke="${t.kind === 'end' ? '#ddd' : '#999'}"${t.kind === 'threshold' ? ' stroke-dasharray="4 3"' : ''}/>` +
        `<text x="${t.labelX}" y="${layout.tickLabelY + t.row * 14}" text-anchor="middle" fill="#555">${t.label}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(name)} per code" width="${layout.width}" height="${layout.height}" font-family="system-ui, sans-serif" font-size="${CHART_FONT_SIZE}"><text x="${layout.plotLeft}" y="${layout.titleY}" fill="#555">${escapeHtml(name)}</text>${ticks}${bars}</svg>`;
}
