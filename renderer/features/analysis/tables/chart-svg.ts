/**
 * The charts as self-contained SVG: Plot's <style> element taken out before the chart is shown
 * (the app's Content-Security-Policy allows no inline style; tables.css carries the same rules),
 * a legend drawn into the SVG itself (so the exported file has it), and the export: SVG markup
 * with its styles and a white background, and a PNG drawn from that SVG onto a canvas.
 */
import { estimateTextWidth } from '@shared/agreement/report/chart-layout';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const CHART_CLASS = 'tm-chart';
const FONT = 'system-ui, sans-serif';
/** Plot's own default rules, for the exported file (the app has them in tables.css). */
const EXPORT_STYLE = `.${CHART_CLASS} text, .${CHART_CLASS} tspan { white-space: pre; }`;

/**
 * Readies Plot's output for the document: every <style> element removed (call before attaching),
 * and the aria-labels Plot puts on its mark groups too — the chart is one image named as a whole
 * (role="img"), and a label on a plain <g> is an ARIA error.
 */
export function prepareChart(node: Element): void {
  for (const style of [...node.querySelectorAll('style')]) style.remove();
  for (const labelled of [node, ...node.querySelectorAll('[aria-label], [aria-description]')]) {
    labelled.removeAttribute('aria-label');
    labelled.removeAttribute('aria-description');
  }
}

export interface LegendItem {
  label: string;
  color: string;
}

const SWATCH = 10;
const ROW = 16;
const LEGEND_FONT = 11;

/** The chart with a legend below it: swatch and label per item, in as many columns as fit. */
export function withLegend(chart: SVGSVGElement, items: readonly LegendItem[]): SVGSVGElement {
  const width = Number(chart.getAttribute('width'));
  const height = Number(chart.getAttribute('height'));
  const labelWidth = Math.min(220, Math.max(...items.map((i) => estimateTextWidth(i.label, LEGEND_FONT)), 40));
  const columnWidth = SWATCH + 6 + labelWidth + 16;
  const columns = Math.max(1, Math.floor((width - 20) / columnWidth));
  const rows = Math.ceil(items.length / columns);
  const legendHeight = rows * ROW + 12;

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height + legendHeight));
  out.setAttribute('viewBox', `0 0 ${width} ${height + legendHeight}`);
  out.setAttribute('class', CHART_CLASS);
  out.setAttribute('font-family', FONT);
  out.append(chart);
  const legend = document.createElementNS(SVG_NS, 'g');
  legend.setAttribute('font-size', String(LEGEND_FONT));
  legend.setAttribute('aria-hidden', 'true');
  items.forEach((item, i) => {
    const x = 20 + (i % columns) * columnWidth;
    const y = height + 6 + Math.floor(i / columns) * ROW;
    const swatch = document.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: y + 2, width: SWATCH, height: SWATCH, fill: item.color })) swatch.setAttribute(k, String(v));
    const text = document.createElementNS(SVG_NS, 'text');
    for (const [k, v] of Object.entries({ x: x + SWATCH + 6, y: y + 11, fill: 'currentColor' })) text.setAttribute(k, String(v));
    text.textContent = fit(item.label, labelWidth);
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = item.label;
    legend.append(swatch, text, title);
  });
  out.append(legend);
  return out;
}

/** The label cut with an ellipsis to fit `room` pixels (estimated). */
export function fit(label: string, room: number): string {
  if (estimateTextWidth(label, LEGEND_FONT) <= room) return label;
  const chars = [...label];
  while (chars.length > 1 && estimateTextWidth(`${chars.join('')}…`, LEGEND_FONT) > room) chars.pop();
  return `${chars.join('')}…`;
}

/** The chart as a standalone SVG file: namespaces, title, its styles, black text on white. */
export function svgMarkup(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('color', '#000000');
  copy.removeAttribute('role');
  const titleNode = document.createElementNS(SVG_NS, 'title');
  titleNode.textContent = title;
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = EXPORT_STYLE;
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' })) background.setAttribute(k, v);
  copy.prepend(titleNode, style, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The SVG file drawn onto a canvas at `scale` (2: sharp in print) and encoded as PNG bytes. */
export async function svgToPng(markup: string, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this window cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas gave no PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
