import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

import { useServices } from '../../../app/services';
import { svgMarkup, svgToPng } from './chart-svg';

interface Props {
  title: string;
  /** What the chart shows, said in words: the SVG's accessible name with the title. */
  description: string;
  /** Export file name without extension. */
  fileName: string;
  /** The chart, drawn by Plot (charts.ts); a new element when its data changes. */
  svg: SVGSVGElement;
  /** The same numbers as a table: always there for screen readers, shown on request. */
  table: ReactNode;
}

/**
 * One chart: a figure with its caption, the SVG (role="img", named by title and description),
 * Export SVG / Export PNG, and the same numbers as a table: visually hidden (screen readers read
 * it) until "Show as table" shows it to everyone.
 */
export function ChartFigure({ title, description, fileName, svg, table }: Props) {
  const services = useServices();
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    const node = host.current;
    if (!node) return;
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${title}. ${description}`);
    node.replaceChildren(svg);
  }, [svg, title, description]);

  const exportSvg = async () => {
    const saved = await services.platform.saveTextFile(`${fileName}.svg`, svgMarkup(svg, title), [{ name: 'SVG image', extensions: ['svg'] }]);
    report(saved, 'SVG');
  };
  const exportPng = async () => {
    try {
      const bytes = await svgToPng(svgMarkup(svg, title));
      report(await services.platform.saveBinaryFile(`${fileName}.png`, bytes, [{ name: 'PNG image', extensions: ['png'] }]), 'PNG');
    } catch (error) {
      services.announce(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };
  const report = (saved: { ok: true; value: string | null } | { ok: false; error: string }, kind: string) => {
    if (!saved.ok) services.announce(`Export failed: ${saved.error}`, 'error');
    else if (saved.value) services.announce(`Exported the chart “${title}” as ${kind} to ${saved.value}.`);
  };

  return (
    <figure className="tables-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <span className="chart-title">{title}</span> <span className="chart-description">{description}</span>
      </figcaption>
      <div className="toolbar">
        <button type="button" onClick={() => void exportSvg()}>
          Export SVG
        </button>
        <button type="button" onClick={() => void exportPng()}>
          Export PNG
        </button>
        <button type="button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
          Show as table
        </button>
      </div>
      <div ref={host} className="chart-host" />
      <div className={showTable ? 'chart-table' : 'visually-hidden'}>{table}</div>
    </figure>
  );
}
