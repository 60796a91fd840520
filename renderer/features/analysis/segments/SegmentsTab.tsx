import { useEffect, useMemo, useState } from 'react';

import { attributesOf } from '@shared/analysis/attributes/attributes-of';
import { describeSegmentFilters } from '@shared/analysis/segments/describe-segment-filters';
import { selectSegments } from '@shared/analysis/segments/retrieve-segments';
import type { SegmentQuery } from '@shared/analysis/segments/segment-query';
import { isSegmentQuery } from '@shared/analysis/segments/segment-query-guard';
import { sortCodesAsTree } from '@shared/codebook/code-path';
import type { ProjectReader } from '@shared/project/project-store';

import { useServices } from '../../../app/services';
import { useProjectQuery } from '../../../db/use-project-query';
import type { AnalysisTabProps } from '../AnalysisView';
import { exportSegmentsCsv, exportSegmentsHtml } from './export-segments';
import { draftToQuery, emptyDraft, queryToDraft, type SegmentDraft } from './segment-draft';
import { SegmentList } from './SegmentList';
import { SegmentQueryForm, type SegmentChoices } from './SegmentQueryForm';
import './segments.css';

async function loadChoices(reader: ProjectReader): Promise<SegmentChoices & { projectName: string }> {
  const [codes, coders, threads, project] = await Promise.all([reader.codes(), reader.coders(), reader.threads(), reader.project()]);
  return { codes, coders, threads: [...threads].sort((a, b) => a.title.localeCompare(b.title)), projectName: project?.name ?? 'project' };
}

/**
 * Analysis → Segments: the codings of a code (with its sub-codes), combined with a second code and
 * filtered, as quotes in context; each opens its post in the thread. A matrix cell's request runs
 * its query here. The result stays live: coding elsewhere updates it.
 */
export function SegmentsTab({ onShowPost, request }: AnalysisTabProps) {
  const services = useServices();
  const choices = useProjectQuery(services.db, loadChoices, []);
  // Its own query: the attribute names (which read every post) never hold up the codebook.
  const attributes = useProjectQuery(services.db, attributesOf, []);
  const [draft, setDraft] = useState<SegmentDraft | null>(null);
  const [formError, setFormError] = useState<{ field: keyof SegmentDraft; message: string } | null>(null);
  const [query, setQuery] = useState<SegmentQuery | null>(null);
  const [spreadsheetSafe, setSpreadsheetSafe] = useState(false);
  const [pseudonymize, setPseudonymize] = useState(true);

  // A request from another tab (a matrix cell) is shown in the form and run.
  const requested = request?.segments;
  const requestSeq = request?.seq;
  useEffect(() => {
    if (!isSegmentQuery(requested)) return;
    setDraft(queryToDraft(requested));
    setFormError(null);
    setQuery(requested);
  }, [requested, requestSeq]);

  const firstCode = choices ? (sortCodesAsTree(choices.codes).find(({ code }) => code.codable)?.code.id ?? '') : '';
  const shownDraft = draft ?? emptyDraft(firstCode);
  const result = useProjectQuery(services.db, (reader) => (query ? selectSegments(reader, query) : Promise.resolve(null)), [query]);
  const colors = useMemo(() => new Map((choices?.codes ?? []).map((c) => [c.id, c.color])), [choices]);

  if (!choices) return <p className="empty">Loading the codebook…</p>;
  if (choices.codes.length === 0) return <p className="empty">The codebook has no codes yet: add codes and code some text, then retrieve its segments here.</p>;

  const busy = query !== null && result === undefined;
  const submit = () => {
    const next = draftToQuery(shownDraft);
    if (!next.ok) {
      setFormError(next.error);
      return;
    }
    setFormError(null);
    setQuery(next.value);
  };
  const selection = result?.ok ? result.value : null;
  const exportContext = () => ({
    projectName: choices.projectName,
    filters: query ? describeSegmentFilters(query, { coderNames: new Map(choices.coders.map((c) => [c.id, c.name])), threadTitles: new Map(choices.threads.map((t) => [t.id, t.title])) }) : [],
  });

  return (
    <div className="segments-tab">
      <SegmentQueryForm choices={{ ...choices, attributes }} draft={shownDraft} onChange={setDraft} onSubmit={submit} error={formError} busy={busy} />
      <section className="segments-results" aria-labelledby="segments-results-title" aria-busy={busy}>
        <div className="panel-heading">
          <h2 id="segments-results-title" aria-live="polite">
            {query === null ? 'Segments' : busy ? 'Retrieving…' : selection ? `${selection.total.toLocaleString('en-US')} ${selection.total === 1 ? 'segment' : 'segments'}: ${selection.description}` : 'No result'}
          </h2>
          {selection ? (
            <div className="toolbar">
              <label className="check">
                <input type="checkbox" checked={spreadsheetSafe} onChange={(e) => setSpreadsheetSafe(e.target.checked)} />
                Safe for spreadsheets
              </label>
              <label className="check">
                <input type="checkbox" checked={pseudonymize} onChange={(e) => setPseudonymize(e.target.checked)} />
                Pseudonymise authors
              </label>
              <button type="button" onClick={() => void exportSegmentsCsv(services, selection, exportContext(), spreadsheetSafe, { pseudonymize })} disabled={selection.total === 0}>
                Export CSV
              </button>
              <button type="button" onClick={() => void exportSegmentsHtml(services, selection, exportContext(), { pseudonymize })}>
                Export HTML report
              </button>
            </div>
          ) : null}
        </div>
        {result && !result.ok ? (
          <p className="field-error" role="alert">
            {result.error.message}
          </p>
        ) : null}
        {query === null ? <p className="empty">Choose a code and retrieve its segments: every coding with its quote in context, code, coder and memo.</p> : null}
        {selection && selection.total === 0 ? <p className="empty">No segment matches this query.</p> : null}
        {selection && selection.total > 0 ? <SegmentList selection={selection} colorOf={(id) => colors.get(id) ?? '#999999'} onShowPost={onShowPost} /> : null}
      </section>
    </div>
  );
}
