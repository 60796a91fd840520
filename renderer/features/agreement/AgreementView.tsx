import { useEffect, useMemo, useRef, useState } from 'react';

import { coefficientLabel } from '@shared/agreement/report/coefficient-names';
import { reportMatrix } from '@shared/agreement/report/report-matrix';
import type { ReportRow } from '@shared/agreement/report/report-rows';
import type { AgreementUnit } from '@shared/agreement/units/agreement-report';
import { codePath, sortCodesAsTree } from '@shared/codebook/code-path';

import { useServices } from '../../app/services';
import { AgreementClient } from './agreement-client';
import { AgreementChart } from './AgreementChart';
import { AgreementTable } from './AgreementTable';
import './agreement.css';
import { COEFFICIENTS_BY_UNIT, orderedMetrics, UNIT_LABELS } from './coefficient-choices';
import { DisagreementsPanel } from './DisagreementsPanel';
import { exportMatrixCsv, exportReportCsv, exportReportHtml } from './export-agreement';
import { type AgreementSource, loadAgreementSource } from './load-agreement-input';
import { DEFAULT_BOOTSTRAP_SEED } from './run-agreement-report';
import { Isolated } from '../../app/ui/Isolated';
import { RelationAgreementSection } from '../relations/RelationAgreementSection';

const UNITS: AgreementUnit[] = ['post', 'char', 'span', 'unitized'];

interface Props {
  /** Opens a post in the Coding view (its thread chosen, the post focused): "Show in thread". */
  onShowPost?: (threadId: string, postId: string) => void;
}

/** What was computed: the rows, and the unit and coders they are for (the controls may change since). */
interface Computed {
  rows: ReportRow[];
  unit: AgreementUnit;
  coders: Array<{ id: string; name: string }>;
}

/** Compare coders: choose coders, codes, unit and coefficients; read the matrix, chart, inspect a code and export. */
export function AgreementView({ onShowPost }: Props) {
  const services = useServices();
  const [source, setSource] = useState<AgreementSource | null>(null);
  const [coderIds, setCoderIds] = useState<string[]>([]);
  const [codeIds, setCodeIds] = useState<string[]>([]);
  const [unit, setUnit] = useState<AgreementUnit>('post');
  const [metrics, setMetrics] = useState<string[]>(COEFFICIENTS_BY_UNIT.post.preset);
  const [bootstrap, setBootstrap] = useState(true);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inspect, setInspect] = useState<string | null>(null);
  // Counts openings, so choosing the open code again brings its panel back into view.
  const [openings, setOpenings] = useState(0);
  const client = useRef<AgreementClient | null>(null);

  useEffect(() => {
    client.current = new AgreementClient();
    let live = true;
    void loadAgreementSource(services.db).then((loaded) => {
      if (!live) return;
      setSource(loaded);
      setCoderIds(loaded.input.coders.filter((c) => (loaded.codingCounts.get(c.id) ?? 0) > 0).map((c) => c.id));
    });
    return () => {
      live = false;
      client.current?.dispose();
    };
  }, [services.db]);

  const codeTree = useMemo(() => (source ? sortCodesAsTree(source.input.codes) : []), [source]);
  const codesById = useMemo(() => new Map((source?.input.codes ?? []).map((c) => [c.id, c])), [source]);
  const chosenCoders = useMemo(
    () => (source?.input.coders ?? []).filter((c) => coderIds.includes(c.id)),
    [source, coderIds],
  );
  const columns = useMemo(() => orderedMetrics(unit, metrics), [unit, metrics]);
  const matrix = useMemo(() => (computed ? reportMatrix(computed.rows, columns) : null), [computed, columns]);
  const headline = columns[0] ?? COEFFICIENTS_BY_UNIT[unit].preset[0] ?? '';
  const chartRows = useMemo(() => (computed?.rows ?? []).filter((r) => r.metric === headline), [computed, headline]);

  const compute = async () => {
    if (!source || !client.current) return;
    setBusy(true);
    setError(null);
    setInspect(null);
    const coders = chosenCoders;
    const result = await client.current.run({
      input: source.input,
      unit,
      codes: codeIds.map((id) => codePath(codesById, id)),
      coders: coders.map((c) => c.name),
      bootstrapSamples: unit === 'post' && bootstrap ? 1000 : 0,
      seed: DEFAULT_BOOTSTRAP_SEED,
    });
    setBusy(false);
    if (result.ok) setComputed({ rows: result.value, unit, coders });
    else {
      setComputed(null);
      setError(result.error);
    }
  };

  if (!source) return <p className="empty">Loading the project’s codings…</p>;
  const pathToCode = new Map(source.input.codes.map((c) => [codePath(codesById, c.id), c]));
  const inspected = inspect ? pathToCode.get(inspect) : undefined;
  const meta = { unit, coders: (computed?.coders ?? chosenCoders).map((c) => c.name) };

  return (
    <div className="agreement-view">
      <form
        className="agreement-controls"
        aria-label="Agreement settings"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <fieldset>
          <legend>Coders (two or more)</legend>
          {source.input.coders.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={coderIds.includes(c.id)}
                onChange={(e) => setCoderIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)))}
              />
              <Isolated>{c.name}</Isolated> <span className="muted">({source.codingCounts.get(c.id) ?? 0} codings)</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Unit</legend>
          {UNITS.map((u) => (
            <label key={u} className="check">
              <input
                type="radio"
                name="unit"
                checked={unit === u}
                onChange={() => {
                  setUnit(u);
                  setMetrics(COEFFICIENTS_BY_UNIT[u].preset);
                  setComputed(null);
                  setInspect(null);
                }}
              />
              {UNIT_LABELS[u]}
            </label>
          ))}
          {unit === 'post' ? (
            <label className="check">
              <input type="checkbox" checked={bootstrap} onChange={(e) => setBootstrap(e.target.checked)} />
              95% bootstrap interval for α (1,000 replicates, seed {DEFAULT_BOOTSTRAP_SEED})
            </label>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Coefficients</legend>
          {COEFFICIENTS_BY_UNIT[unit].all.map((m) => (
            <label key={m} className="check">
              <input
                type="checkbox"
                checked={metrics.includes(m)}
                onChange={(e) => setMetrics((list) => (e.target.checked ? [...list, m] : list.filter((x) => x !== m)))}
              />
              {coefficientLabel(m)}
            </label>
          ))}
        </fieldset>
        <fieldset className="code-choices">
          <legend>Codes (none ticked: every code)</legend>
          {codeTree.map(({ code, depth }) => (
            <label key={code.id} className="check" style={{ paddingInlineStart: `${depth}rem` }}>
              <input
                type="checkbox"
                checked={codeIds.includes(code.id)}
                onChange={(e) => setCodeIds((ids) => (e.target.checked ? [...ids, code.id] : ids.filter((id) => id !== code.id)))}
              />
              <Isolated>{code.name}</Isolated>
            </label>
          ))}
        </fieldset>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy || chosenCoders.length < 2}>
            {busy ? 'Computing…' : 'Compute agreement'}
          </button>
        </div>
        {chosenCoders.length < 2 ? (
          <p className="panel-sub">Choose at least two coders. Another coder’s work comes in with Team → Add coder files…</p>
        ) : null}
      </form>
      <section className="agreement-results" aria-labelledby="agreement-results-title" aria-busy={busy}>
        <div className="panel-heading">
          <h2 id="agreement-results-title">Agreement</h2>
          {computed ? (
            <div className="toolbar">
              <button type="button" onClick={() => void exportReportCsv(services, computed.rows, meta)}>
                Export report (CSV)
              </button>
              <button type="button" onClick={() => void exportReportHtml(services, computed.rows, meta, columns)}>
                Export report (HTML)
              </button>
              <button type="button" onClick={() => void exportMatrixCsv(services, source, codeIds, computed.coders)}>
                Export reliability matrix (CSV)
              </button>
            </div>
          ) : null}
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {computed && matrix ? (
          <>
            {columns.length === 0 ? <p className="empty">Tick at least one coefficient to show.</p> : null}
            <AgreementTable
              matrix={matrix}
              unit={computed.unit}
              chosen={inspect}
              onInspect={(path) => {
                setInspect(path);
                setOpenings((n) => n + 1);
              }}
              inspectable={(path) => pathToCode.has(path)}
            />
            {columns.length > 0 ? <AgreementChart rows={chartRows} metric={headline} /> : null}
          </>
        ) : (
          <p className="empty">Choose coders, a unit and coefficients, then compute.</p>
        )}
        {computed && inspected && inspect ? (
          <DisagreementsPanel
            key={inspect}
            source={source}
            code={inspected}
            codePathText={inspect}
            coders={computed.coders}
            opening={openings}
            onShowPost={onShowPost}
            onClose={() => {
              setInspect(null);
              // Back to the code the panel was opened from.
              document.querySelector<HTMLElement>(`.agreement-matrix tr[data-code="${CSS.escape(inspect)}"] button`)?.focus();
            }}
          />
        ) : null}
        <RelationAgreementSection />
      </section>
    </div>
  );
}
