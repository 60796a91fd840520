import { useEffect, useMemo, useRef, useState } from 'react';

import type { SearchResult } from '@shared/analysis/search/run-search';
import { MAX_LIMIT } from '@shared/analysis/search/search-request';
import type { SearchHit } from '@shared/analysis/search/kwic';
import { formatProblem } from '@shared/problem/problem';
import { codebookInTreeOrder, codersByName } from '@shared/project/queries/codebook-reads';
import { isCancelled } from '@shared/util/cancelled';

import { useServices } from '../../../app/services';
import { useProjectQuery } from '../../../db/use-project-query';
import type { AnalysisTabProps } from '../AnalysisView';
import { SelectFilter } from '../filters/SelectFilter';
import { CodeHitsDialog } from './CodeHitsDialog';
import { HitList } from './HitList';
import { EMPTY_DRAFT, requestOf, type Draft } from './search-draft';
import { useSearchClient } from './search-index-upkeep';
import type { SearchTarget } from './search-protocol';
import './search.css';

/** Hits listed in the tab; the post count is always complete. */
const LIST_LIMIT = 5000;

type Status = { kind: 'idle' } | { kind: 'indexing'; done: number; total: number; background: boolean } | { kind: 'searching' } | { kind: 'done'; result: SearchResult } | { kind: 'problem'; message: string };

/** Search the corpus: every post of the project, searched in a Worker over a kept index. */
export function SearchTab({ onShowPost }: AnalysisTabProps) {
  const { db } = useServices();
  const project = useProjectQuery(db, (r) => r.project(), []);
  const threads = useProjectQuery(db, (r) => r.threads(), []);
  const codes = useProjectQuery(db, codebookInTreeOrder, []);
  const coders = useProjectQuery(db, codersByName, []);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [allHits, setAllHits] = useState<readonly SearchHit[] | null>(null);
  const client = useSearchClient();
  const running = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  // The index is brought up to date as soon as the tab opens, so the first search finds it ready.
  const projectId = project?.id;
  useEffect(() => {
    if (projectId === undefined) return;
    void client.prepare({ dbName: db.name, projectId }, (p) => setStatus((s) => (s.kind === 'idle' || s.kind === 'indexing' ? { kind: 'indexing', ...p, background: true } : s))).then((r) =>
      setStatus((s) => (s.kind === 'indexing' && s.background ? (r.ok ? { kind: 'idle' } : { kind: 'problem', message: formatProblem(r.error) }) : s)),
    );
  }, [client, db, projectId]);

  const target: SearchTarget | null = project ? { dbName: db.name, projectId: project.id } : null;
  const titles = useMemo(() => new Map((threads ?? []).map((t) => [t.id, t.title])), [threads]);
  const platforms = useMemo(() => [...new Set((threads ?? []).map((t) => t.platform))].sort(), [threads]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  /** Brings the index up to date (progress shown), then searches; Cancel aborts either. */
  const run = async (limit: number): Promise<SearchResult | null> => {
    if (!target) return null;
    running.current?.abort();
    const controller = (running.current = new AbortController());
    const prepared = await client.prepare(target, (p) => setStatus({ kind: 'indexing', ...p, background: false }), controller.signal);
    if (!prepared.ok) {
      setStatus(isCancelled(prepared.error) ? { kind: 'idle' } : { kind: 'problem', message: formatProblem(prepared.error) });
      return null;
    }
    setStatus({ kind: 'searching' });
    const result = await client.search(target, requestOf(draft, limit), controller.signal);
    if (running.current === controller) running.current = null;
    if (!result.ok) {
      setStatus(isCancelled(result.error) ? { kind: 'idle' } : { kind: 'problem', message: sentence(result.error.message) });
      return null;
    }
    return result.value;
  };

  const search = async (): Promise<void> => {
    const result = await run(LIST_LIMIT);
    if (result) setStatus({ kind: 'done', result });
  };

  /** Code all hits… codes every hit, not only those listed: search again without the list's limit. */
  const codeAll = async (): Promise<void> => {
    if (status.kind !== 'done') return;
    const previous = status;
    const result = status.result.truncated ? await run(MAX_LIMIT) : status.result;
    setStatus(previous);
    if (!result) return;
    if (result.truncated) {
      setStatus({ kind: 'problem', message: `More than ${MAX_LIMIT.toLocaleString('en-US')} hits: narrow the search to code them at once.` });
      return;
    }
    setAllHits(result.hits);
  };

  // Indexing started by the tab itself does not hold a search back (the Worker queues them).
  const busy = (status.kind === 'indexing' && !status.background) || status.kind === 'searching';
  return (
    <div className="search-tab">
      <form
        className="search-form"
        role="search"
        aria-label="Search the corpus"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <input ref={inputRef} type="search" aria-label="Search query" placeholder='words, "a phrase", prefix*' value={draft.query} onChange={(e) => set('query', e.target.value)} />
        <button type="submit" disabled={!target || busy}>
          Search
        </button>
        {busy ? (
          <button type="button" onClick={() => running.current?.abort()}>
            Cancel
          </button>
        ) : null}
        <label>
          <input type="checkbox" checked={draft.regex} onChange={(e) => set('regex', e.target.checked)} /> Regular expression
        </label>
        <label>
          <input type="checkbox" checked={draft.caseSensitive} onChange={(e) => set('caseSensitive', e.target.checked)} /> Match case
        </label>
        <label>
          <input type="checkbox" checked={draft.ignoreDiacritics} disabled={draft.regex} onChange={(e) => set('ignoreDiacritics', e.target.checked)} /> Ignore diacritics
        </label>
        <fieldset className="search-filters">
          <legend>Filters</legend>
          <SelectFilter label="Thread " value={draft.threadId} any="All threads" options={(threads ?? []).map((t) => ({ value: t.id, label: t.title || t.id }))} onChange={(v) => set('threadId', v)} />
          <SelectFilter label="Platform " value={draft.platform} any="All platforms" options={platforms.map((p) => ({ value: p, label: p }))} onChange={(v) => set('platform', v)} />
          <label>
            Author <input type="text" size={12} value={draft.author} onChange={(e) => set('author', e.target.value)} />
          </label>
          <label>
            From <input type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label>
            To <input type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
          </label>
          <label>
            Posts{' '}
            <select value={draft.coded} onChange={(e) => set('coded', e.target.value as Draft['coded'])}>
              <option value="">coded or not</option>
              <option value="coded">coded</option>
              <option value="uncoded">not coded</option>
            </select>
          </label>
          {draft.coded ? (
            <>
              <SelectFilter label="with " value={draft.codeId} any="any code" options={(codes ?? []).map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => set('codeId', v)} />
              <SelectFilter label="by " value={draft.coderId} any="any coder" options={(coders ?? []).map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => set('coderId', v)} />
            </>
          ) : null}
        </fieldset>
      </form>
      <div className="search-status">
        <p role="status" data-testid="search-status">
          {describe(status)}
        </p>
        {status.kind === 'done' && status.result.hits.length > 0 ? (
          <button type="button" onClick={() => void codeAll()}>
            Code all hits…
          </button>
        ) : null}
      </div>
      {status.kind === 'done' ? <HitList hits={status.result.hits} threadTitle={(id) => titles.get(id) ?? id} onShowPost={onShowPost} /> : null}
      {allHits ? <CodeHitsDialog hits={allHits} codes={codes ?? []} onClose={() => setAllHits(null)} /> : null}
    </div>
  );
}

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function describe(status: Status): string {
  const n = (count: number, one: string) => `${count.toLocaleString('en-US')} ${one}${count === 1 ? '' : 's'}`;
  switch (status.kind) {
    case 'idle':
      return 'Words (all must occur), "exact phrases" and prefix*; or a regular expression.';
    case 'indexing':
      return `Indexing the posts: ${n(status.done, 'thread')} of ${status.total}…`;
    case 'searching':
      return 'Searching…';
    case 'problem':
      return status.message;
    case 'done': {
      const { hits, postCount, truncated } = status.result;
      if (postCount === 0) return 'No post matches.';
      return truncated ? `The first ${n(hits.length, 'hit')} of ${n(postCount, 'matching post')}.` : `${n(hits.length, 'hit')} in ${n(postCount, 'post')}.`;
    }
  }
}
