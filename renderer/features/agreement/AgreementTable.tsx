import type { ReportRow } from '@shared/agreement/report/report-rows';

import { metricLabel } from './coefficient-choices';

interface Props {
  rows: readonly ReportRow[];
  /** Opens the disagreements of a code (by path). */
  onInspect: (codePath: string) => void;
  inspectable: (codePath: string) => boolean;
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(3));

export function AgreementTable({ rows, onInspect, inspectable }: Props) {
  return (
    <table className="agreement-table">
      <caption className="visually-hidden">Agreement per code and coefficient</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Coders</th>
          <th scope="col">Coefficient</th>
          <th scope="col">n</th>
          <th scope="col">Value</th>
          <th scope="col">95% interval</th>
          <th scope="col">Reading</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-code={r.code} data-metric={r.metric}>
            <th scope="row">
              {inspectable(r.code) ? (
                <button type="button" className="link-button" onClick={() => onInspect(r.code)} title="Show disagreements">
                  {r.code}
                </button>
              ) : (
                r.code
              )}
            </th>
            <td>{r.pair ? r.pair.replace('|', ' vs ') : 'all'}</td>
            <td>{metricLabel(r.metric)}</td>
            <td className="num">{r.n ?? '—'}</td>
            <td className="num" data-value={r.value ?? ''}>
              {fmt(r.value)}
            </td>
            <td className="num">{r.interval ? `${fmt(r.interval.low)} – ${fmt(r.interval.high)}` : '—'}</td>
            <td className={r.value === null ? 'muted' : undefined}>{r.reading ?? r.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
