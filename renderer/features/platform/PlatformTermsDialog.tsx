import { useEffect, useId, useState } from 'react';

import type { PlatformTerms, Project, Thread } from '@shared/model/records';
import { termsOf } from '@shared/platform/terms-of';
import { setProjectTerms, setThreadTerms } from '@shared/project/operations/platform-terms';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { useProjectQuery } from '../../db/use-project-query';
import { useUndoableOperation } from '../coding/use-undoable-operation';

/**
 * File → Platform terms and expiry…: the terms note per platform or instance that threads inherit,
 * the dataset's expiry date, each thread's collection details (own terms and expiry when they
 * differ), and the log of applied deletion lists with their counts.
 */
export function PlatformTermsDialog({ onClose, onApplyDeletions }: { onClose: () => void; onApplyDeletions: () => void }) {
  const { db } = useServices();
  const data = useProjectQuery(db, (r) => Promise.all([r.project(), r.threads()]), []);
  const id = useId();
  if (!data) return null;
  const [project, threads] = data;
  return (
    <Dialog labelledBy={`${id}-title`} wide onCancel={onClose}>
      <h2 id={`${id}-title`}>Platform terms and expiry</h2>
      {project ? (
        <>
          <ProjectTermsForm project={project} />
          <ThreadTermsForm project={project} threads={threads} />
          <DeletionLog project={project} threads={threads} onApplyDeletions={onApplyDeletions} />
        </>
      ) : (
        <p>Import threads first: terms are recorded per platform and thread.</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function ProjectTermsForm({ project }: { project: Project }) {
  const run = useUndoableOperation('platform terms');
  const id = useId();
  const [rows, setRows] = useState<PlatformTerms[]>(() => (project.platformTerms && project.platformTerms.length > 0 ? project.platformTerms : [{ key: '', terms: '' }]));
  const [expiresAt, setExpiresAt] = useState(project.expiresAt ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const update = (i: number, change: Partial<PlatformTerms>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <form
      className="platform-section"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void run('save platform terms', setProjectTerms, { platformTerms: rows, expiresAt }, 'setting the platform terms').then((r) => setProblem(r.ok ? null : `${r.error.record ?? ''} ${r.error.message}`.trim()));
      }}
    >
      <h3 id={`${id}-h`}>Terms per platform or instance</h3>
      <p className="panel-sub">Threads inherit the note for their instance (e.g. mastodon.social), else for their platform (e.g. reddit).</p>
      {rows.map((row, i) => (
        <div className="platform-terms-row" key={i}>
          <label>
            Platform or instance
            <input value={row.key} autoFocus={i === 0} onChange={(e) => update(i, { key: e.target.value })} placeholder="reddit" />
          </label>
          <label>
            Terms
            <textarea rows={2} value={row.terms} onChange={(e) => update(i, { terms: e.target.value })} placeholder="What the terms allow, require or forbid" />
          </label>
          <button type="button" aria-label={`Remove the terms for ${row.key || 'this row'}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setRows([...rows, { key: '', terms: '' }])}>
        Add platform or instance
      </button>
      <label className="platform-date">
        Dataset expires on
        <input type="date" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
      </label>
      {problem ? (
        <p role="alert" className="platform-problem">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="primary">
        Save terms and expiry
      </button>
    </form>
  );
}

/** "2025-05-01T12:00:00.000Z" → the datetime-local input's "2025-05-01T12:00" (UTC shown as is). */
const toLocalInput = (iso: string | undefined): string => (iso ? iso.slice(0, 16) : '');

function ThreadTermsForm({ project, threads }: { project: Project; threads: readonly Thread[] }) {
  const run = useUndoableOperation('thread terms');
  const id = useId();
  const [threadId, setThreadId] = useState(threads[0]?.id ?? '');
  const thread = threads.find((t) => t.id === threadId);
  const [fields, setFields] = useState({ collectedAt: '', collectedWith: '', instance: '', terms: '', expiresAt: '' });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (thread) setFields({ collectedAt: toLocalInput(thread.collectedAt), collectedWith: thread.collectedWith ?? '', instance: thread.instance ?? '', terms: thread.terms ?? '', expiresAt: thread.expiresAt ?? '' });
    // Only when another thread is picked: typing must not be reset by a live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [threadId]);
  if (!thread) return null;
  const inherited = termsOf({ ...thread, terms: '' , instance: fields.instance }, project);
  const set = (change: Partial<typeof fields>) => setFields({ ...fields, ...change });
  return (
    <form
      className="platform-section"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        const collectedAt = fields.collectedAt === '' ? '' : `${fields.collectedAt}:00Z`;
        void run('save thread terms', setThreadTerms, { threadId, ...fields, collectedAt }, 'setting a thread’s collection details').then((r) => setProblem(r.ok ? null : r.error.message));
      }}
    >
      <h3 id={`${id}-h`}>A thread’s collection and terms</h3>
      <label>
        Thread
        <select value={threadId} onChange={(e) => setThreadId(e.target.value)}>
          {threads.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title} ({t.platform})
            </option>
          ))}
        </select>
      </label>
      <p className="panel-sub">
        Platform {thread.platform}; source {thread.source}; imported {thread.importedAt.slice(0, 10)}.
      </p>
      <div className="platform-grid">
        <label>
          Collected at (UTC)
          <input type="datetime-local" value={fields.collectedAt} onChange={(e) => set({ collectedAt: e.target.value })} />
        </label>
        <label>
          Collected with
          <input value={fields.collectedWith} onChange={(e) => set({ collectedWith: e.target.value })} placeholder="4CAT, Zeeschuimer, API…" />
        </label>
        <label>
          Instance
          <input value={fields.instance} onChange={(e) => set({ instance: e.target.value })} placeholder="mastodon.social" />
        </label>
        <label>
          Expires on
          <input type="date" value={fields.expiresAt} onChange={(e) => set({ expiresAt: e.target.value })} />
        </label>
      </div>
      <label>
        This thread’s own terms
        <textarea rows={2} value={fields.terms} onChange={(e) => set({ terms: e.target.value })} placeholder={inherited.terms ? `Inherited: ${inherited.terms}` : 'None: add a note per platform above'} />
      </label>
      {problem ? (
        <p role="alert" className="platform-problem">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="primary">
        Save thread details
      </button>
    </form>
  );
}

function DeletionLog({ project, threads, onApplyDeletions }: { project: Project; threads: readonly Thread[]; onApplyDeletions: () => void }) {
  const id = useId();
  const log = project.deletionLog ?? [];
  const title = new Map(threads.map((t) => [t.id, t.title]));
  return (
    <section className="platform-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Deletions applied</h3>
      {log.length === 0 ? (
        <p className="panel-sub">No deletion list applied yet.</p>
      ) : (
        <table className="platform-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">List</th>
              <th scope="col">Ids listed</th>
              <th scope="col">Posts removed</th>
              <th scope="col">Codings removed</th>
              <th scope="col">Threads</th>
            </tr>
          </thead>
          <tbody>
            {log.map((r) => (
              <tr key={r.id}>
                <td>{r.appliedAt.slice(0, 10)}</td>
                <td>{r.listKind === 'posts' ? 'post ids' : 'user ids'}</td>
                <td>{r.listed}</td>
                <td>{r.posts}</td>
                <td>{r.codings}</td>
                <td>{r.perThread.map((t) => `${title.get(t.threadId) ?? t.threadId}: ${t.posts}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={onApplyDeletions}>
        Apply platform deletions…
      </button>
    </section>
  );
}
