import { lazy, Suspense, useId, useState } from 'react';

import { codeTable } from '@shared/analysis/tables/code-table';
import { coOccurrence } from '@shared/analysis/tables/co-occurrence';
import {
  BY_LABELS,
  CO_OCCURRENCE_BYS,
  CO_OCCURRENCE_MEASURES,
  COLUMN_KIND_LABELS,
  columnsLabel,
  COUNT_LABELS,
  MEASURE_LABELS,
  TABLE_COLUMN_KINDS,
  TABLE_COUNTS,
  type CoOccurrenceBy,
  type CoOccurrenceMeasure,
  type TableColumns,
  type TableCount,
} from '@shared/analysis/tables/table-options';
import { attributesOf } from '@shared/analysis/attributes/attributes-of';
import { attributeColumns } from '@shared/analysis/tables/attribute-columns';
import type { SegmentQuery } from '@shared/analysis/segments/segment-query';

import { useServices } from '../../../app/services';
import { useProjectQuery } from '../../../db/use-project-query';
import type { AnalysisTabProps } from '../AnalysisView';
import { CodeTableGrid } from './CodeTableGrid';
import { exportCodeTableCsv, exportMatrixCsv } from './export-tables';
import { MatrixGrid } from './MatrixGrid';
import './tables.css';
import { RelationFrequencyTable } from '../../relations/RelationFrequencyTable';

// Plot comes with the charts only: the tab's tables show without waiting for it.
const FrequencyCharts = lazy(() => import('./FrequencyCharts'));
const HeatmapChart = lazy(() => import('./HeatmapChart'));

const UNIT_OF: Record<CoOccurrenceBy, string> = { overlap: 'posts', post: 'posts', thread: 'threads' };

/**
 * Analysis → Tables & charts: the code frequency table (codes × threads, authors, platforms, coders
 * or months; codings, posts or characters), the code co-occurrence matrix, their charts, CSV, SVG
 * and PNG exports. A cell opens its segments in the Segments tab. Everything stays live.
 */
export function TablesTab({ onRequest }: AnalysisTabProps) {
  const services = useServices();
  const id = useId();
  const [cols, setCols] = useState<TableColumns>('thread');
  const [count, setCount] = useState<TableCount>('codings');
  const [coderId, setCoderId] = useState('');
  const [by, setBy] = useState<CoOccurrenceBy>('overlap');
  const [measure, setMeasure] = useState<CoOccurrenceMeasure>('count');
  const coderIds = coderId === '' ? undefined : [coderId];

  const coders = useProjectQuery(services.db, (r) => r.coders(), []);
  const attributes = useProjectQuery(services.db, attributesOf, []);
  const table = useProjectQuery(services.db, (r) => codeTable(r, { cols, count, coderIds }), [cols, count, coderId]);
  // The stacked chart's table; the shown table when that is already by month (posts read once).
  const monthOnly = useProjectQuery(services.db, (r) => (cols === 'month' ? Promise.resolve(null) : codeTable(r, { cols: 'month', count, coderIds })), [cols === 'month', count, coderId]);
  // A live query keeps its last answer until the new one comes: only a table by month will do.
  const byMonth = cols === 'month' ? table : monthOnly;
  const monthTable = byMonth?.cols === 'month' ? byMonth : undefined;
  const matrix = useProjectQuery(services.db, (r) => coOccurrence(r, { by, measure, coderIds }), [by, measure, coderId]);

  const open = (segments: SegmentQuery) => onRequest({ tab: 'segments', segments });
  const who = coderId === '' ? 'all coders' : (coders?.find((c) => c.id === coderId)?.name ?? coderId);
  const tableCaption = `${COUNT_LABELS[count]} per code and ${columnsLabel(cols).toLowerCase()} (${who})`;
  const matrixCaption = `Code co-occurrence: ${BY_LABELS[by].toLowerCase()}, ${MEASURE_LABELS[measure].toLowerCase()} of ${UNIT_OF[by]} (${who})`;

  return (
    <div className="tables-tab">
      <div className="tables-controls">
        <label>
          Codings of
          <select value={coderId} onChange={(e) => setCoderId(e.target.value)}>
            <option value="">All coders</option>
            {(coders ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section className="tables-section" aria-labelledby={`${id}-freq`}>
        <div className="panel-heading">
          <h2 id={`${id}-freq`}>Frequencies</h2>
          <div className="tables-controls">
            <label>
              Columns
              <select value={cols} onChange={(e) => setCols(e.target.value as TableColumns)}>
                {TABLE_COLUMN_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {COLUMN_KIND_LABELS[k]}
                  </option>
                ))}
                {(['author', 'thread'] as const).map((scope) =>
                  attributes && attributes[scope].columns.length > 0 ? (
                    <optgroup key={scope} label={scope === 'author' ? 'Author attributes' : 'Thread attributes'}>
                      {attributes[scope].columns.map((c) => (
                        <option key={c.name} value={attributeColumns(scope, c.name)}>
                          {`${scope === 'author' ? 'Author' : 'Thread'}: ${c.name}`}
                        </option>
                      ))}
                    </optgroup>
                  ) : null,
                )}
              </select>
            </label>
            <label>
              Count
              <select value={count} onChange={(e) => setCount(e.target.value as TableCount)}>
                {TABLE_COUNTS.map((k) => (
                  <option key={k} value={k}>
                    {COUNT_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!table} onClick={() => table && void exportCodeTableCsv(services, table)}>
              Export CSV
            </button>
          </div>
        </div>
        <p className="note">
          {count === 'codings' ? 'Each code’s own codings (a category’s sub-codes have their own rows).' : count === 'posts' ? 'Posts holding the code’s codings; totals count each post once.' : 'Characters covered by the code’s codings, each once; totals count each character once.'} A
          figure opens its segments.
        </p>
        {table ? <CodeTableGrid table={table} caption={tableCaption} onOpen={open} /> : <p className="empty">Counting…</p>}
        {table && monthTable ? (
          <Suspense fallback={<p className="empty">Loading the charts…</p>}>
            <FrequencyCharts table={table} byMonth={monthTable} who={who} />
          </Suspense>
        ) : null}
      </section>

      <section className="tables-section" aria-labelledby={`${id}-cooc`}>
        <div className="panel-heading">
          <h2 id={`${id}-cooc`}>Co-occurrence</h2>
          <div className="tables-controls">
            <label>
              Co-occur in
              <select value={by} onChange={(e) => setBy(e.target.value as CoOccurrenceBy)}>
                {CO_OCCURRENCE_BYS.map((k) => (
                  <option key={k} value={k}>
                    {BY_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Measure
              <select value={measure} onChange={(e) => setMeasure(e.target.value as CoOccurrenceMeasure)}>
                {CO_OCCURRENCE_MEASURES.map((k) => (
                  <option key={k} value={k}>
                    {MEASURE_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!matrix} onClick={() => matrix && void exportMatrixCsv(services, matrix)}>
              Export CSV
            </button>
          </div>
        </div>
        <p className="note">
          {by === 'overlap' ? 'Posts where the two codes’ spans share at least one character' : by === 'post' ? 'Posts holding both codes' : 'Threads holding both codes'}
          {measure === 'jaccard' ? `, over the ${UNIT_OF[by]} holding either (Jaccard)` : ''}; the diagonal counts the {UNIT_OF[by]} holding the code. A figure opens the row code’s segments.
        </p>
        {matrix ? <MatrixGrid matrix={matrix} caption={matrixCaption} onOpen={open} /> : <p className="empty">Counting…</p>}
        {matrix ? (
          <Suspense fallback={<p className="empty">Loading the chart…</p>}>
            <HeatmapChart matrix={matrix} who={who} />
          </Suspense>
        ) : null}
      </section>
      <RelationFrequencyTable />
    </div>
  );
}
