import { useEffect, useReducer, useRef, useState } from 'react';

import { formatParsers } from '@shared/import/formats';
import { CSV_FIELDS, type CsvMapping } from '@shared/import/formats/csv-parser';
import { formatProblem } from '@shared/problem/problem';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { journalStep } from '../coding/journal-step';
import { ImportClient } from './import-client';
import { importReducer, initialImportStep } from './import-state';

interface Props {
  dbName: string;
  onClose: () => void;
  /** Told once an import is written, with the new threads' ids (the workspace opens the first). */
  onImported?: (threadIds: readonly string[]) => void;
}

const FIELD_LABELS: Record<keyof CsvMapping, string> = {
  text: 'Post text (required)',
  id: 'Post id',
  parent_id: 'Replies to (parent id)',
  thread_id: 'Thread id',
  author: 'Author',
  created_at: 'Time',
  url: 'Link',
};

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Import threads: choose or drop files, preview what they hold (nothing written yet), map CSV
 * columns when the text column is not recognized, then write with progress and Cancel, and
 * see a summary. Parsing and writing happen in a Worker.
 */
export function ImportDialog({ dbName, onClose, onImported }: Props) {
  const [state, dispatch] = useReducer(importReducer, initialImportStep);
  const [files, setFiles] = useState<File[]>([]);
  const [formatId, setFormatId] = useState<string>('');
  const [dragging, setDragging] = useState(false);
  const client = useRef<ImportClient | null>(null);
  const services = useServices();
  const undoable = useRef<string | null>(null);

  useEffect(() => {
    const c = new ImportClient((event) => dispatch({ type: 'event', event }));
    client.current = c;
    return () => c.dispose();
  }, []);

  // A written import is one journal entry: Ctrl+Z (or History → Revert) takes it out again.
  const entryId = state.step === 'done' ? state.summary.entryId : null;
  const newThreadIds = state.step === 'done' ? state.summary.threadIds : null;
  useEffect(() => {
    if (entryId === null || undoable.current === entryId) return;
    undoable.current = entryId;
    services.history.push(journalStep(services, 'the import', entryId));
    if (newThreadIds && newThreadIds.length > 0) onImported?.(newThreadIds);
  }, [entryId, newThreadIds, onImported, services]);

  const busy = state.step === 'reading' || state.step === 'writing';
  const close = (): void => {
    if (!busy) onClose();
  };
  const preview = (mapping: CsvMapping | null): void => {
    dispatch({ type: 'start-reading' });
    client.current?.preview(dbName, files, formatId === '' ? null : formatId, mapping);
  };
  const cancel = (): void => {
    dispatch({ type: 'cancel' });
    client.current?.cancel();
  };
  const addFiles = (list: FileList | null): void => {
    if (list) setFiles((current) => [...current, ...Array.from(list).filter((f) => !current.some((c) => c.name === f.name && c.size === f.size))]);
  };

  return (
    <Dialog labelledBy="import-title" describedBy="import-status" wide onCancel={busy ? undefined : close}>
      <h2 id="import-title">Import threads</h2>
      {state.step === 'choose' ? (
        <>
          {state.notice ? (
            <p id="import-status" role="status">
              {state.notice}
            </p>
          ) : (
            <p id="import-status">
              Reddit, X/Twitter, Mastodon, Bluesky, YouTube, 4CAT and Zeeschuimer exports, CSV/TSV tables, or text and Markdown files. Nothing is
              written until you have seen the preview.
            </p>
          )}
          <div
            className={dragging ? 'drop-zone dragging' : 'drop-zone'}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              addFiles(e.dataTransfer.files);
            }}
          >
            <label htmlFor="import-files">Drop files here, or choose them:</label>
            <input id="import-files" type="file" multiple autoFocus onChange={(e) => addFiles(e.target.files)} />
          </div>
          {files.length > 0 ? (
            <ul className="import-files" aria-label="Files to import">
              {files.map((f) => (
                <li key={`${f.name}:${f.size}`}>
                  {f.name} <span className="panel-sub">({megabytes(f.size)})</span>{' '}
                  <button type="button" className="link-button" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((x) => x !== f))}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <label htmlFor="import-format">Format</label>
          <select id="import-format" value={formatId} onChange={(e) => setFormatId(e.target.value)}>
            <option value="">Detect from the content</option>
            {formatParsers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Close
            </button>
            <button type="button" className="primary" disabled={files.length === 0} onClick={() => preview(null)}>
              Preview
            </button>
          </div>
        </>
      ) : null}

      {state.step === 'reading' ? (
        <ProgressStep
          label="Reading"
          cancelling={state.cancelling}
          onCancel={cancel}
          done={state.progress?.bytesRead}
          total={state.progress?.bytesTotal}
          text={
            state.progress
              ? `Reading ${state.progress.file} (file ${state.progress.fileIndex + 1} of ${state.progress.fileCount}): ${megabytes(state.progress.bytesRead)} of ${megabytes(state.progress.bytesTotal)}`
              : 'Reading the files…'
          }
        />
      ) : null}

      {state.step === 'mapping' ? (
        <>
          <p id="import-status">
            Threadmark did not recognize which column of <strong>{state.file}</strong> holds the post text. Say which column is which; other columns
            become post variables.
          </p>
          <div className="mapping-grid">
            {CSV_FIELDS.map((field) => (
              <div key={field} className="field">
                <label htmlFor={`map-${field}`}>{FIELD_LABELS[field]}</label>
                <select
                  id={`map-${field}`}
                  value={state.mapping[field] ?? ''}
                  onChange={(e) => dispatch({ type: 'map', field, column: e.target.value === '' ? null : e.target.value })}
                >
                  <option value="">{field === 'text' ? 'Choose a column' : 'None'}</option>
                  {state.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <div className="table-scroll">
            <table className="sample-table">
              <caption>The first rows of {state.file}</caption>
              <thead>
                <tr>
                  {state.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.sample.map((row, i) => (
                  <tr key={i}>
                    {state.columns.map((c, j) => (
                      <td key={c}>{(row[j] ?? '').slice(0, 120)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => dispatch({ type: 'restart' })}>
              Back
            </button>
            <button type="button" className="primary" disabled={state.mapping.text === null} onClick={() => preview(state.mapping)}>
              Preview with these columns
            </button>
          </div>
        </>
      ) : null}

      {state.step === 'preview' || state.step === 'writing' || state.step === 'done' ? (
        <>
          <table className="import-preview">
            <caption id="import-preview-caption">{state.step === 'done' ? 'Imported' : 'What the files hold (nothing written yet)'}</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Format</th>
                <th scope="col">Threads</th>
                <th scope="col">New posts</th>
                <th scope="col">Skipped (already in)</th>
                <th scope="col">Warnings</th>
              </tr>
            </thead>
            <tbody>
              {state.preview.files.map((f) => (
                <tr key={f.name}>
                  <th scope="row">{f.name}</th>
                  <td>{f.formatLabel}</td>
                  <td>{f.threads.toLocaleString('en')}</td>
                  <td>{f.posts.toLocaleString('en')}</td>
                  <td>{f.duplicates.toLocaleString('en')}</td>
                  <td>{f.warnings.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.preview.warningCount > 0 ? (
            <details className="import-warnings">
              <summary>{count(state.preview.warningCount, 'warning')}: imported anyway, worth knowing</summary>
              <ul className="problem-list">
                {state.preview.warnings.map((w, i) => (
                  <li key={i}>{formatProblem(w)}</li>
                ))}
              </ul>
              {state.preview.warningCount > state.preview.warnings.length ? (
                <p>…and {(state.preview.warningCount - state.preview.warnings.length).toLocaleString('en')} more.</p>
              ) : null}
            </details>
          ) : null}
        </>
      ) : null}

      {state.step === 'preview' ? (
        <>
          <p id="import-status">
            {state.preview.posts === 0
              ? 'Every post in these files is already in the project: there is nothing new to import.'
              : `Import ${count(state.preview.posts, 'new post')} in ${count(state.preview.threads, 'new thread')}` +
                (state.preview.joinedThreads > 0 ? ` and ${count(state.preview.joinedThreads, 'thread')} already in the project` : '') +
                (state.preview.placeholders > 0 ? ` (plus ${count(state.preview.placeholders, 'placeholder')} for missing or unloaded posts)` : '') +
                (state.preview.duplicates > 0 ? `; ${count(state.preview.duplicates, 'post')} already in the project will be skipped.` : '.')}
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => dispatch({ type: 'restart' })}>
              Back
            </button>
            <button
              type="button"
              className="primary"
              autoFocus
              disabled={state.preview.posts === 0}
              onClick={() => {
                dispatch({ type: 'start-writing' });
                client.current?.commit();
              }}
            >
              Import {count(state.preview.posts, 'post')}
            </button>
          </div>
        </>
      ) : null}

      {state.step === 'writing' ? (
        <ProgressStep
          label="Writing"
          cancelling={state.cancelling}
          onCancel={cancel}
          done={state.progress?.written}
          total={state.progress?.total}
          text={
            state.progress
              ? `Writing ${state.progress.written.toLocaleString('en')} of ${state.progress.total.toLocaleString('en')} posts · ${state.progress.postsPerSecond.toLocaleString('en')} posts/s`
              : 'Writing…'
          }
        />
      ) : null}

      {state.step === 'done' ? (
        <>
          <p id="import-status" role="status">
            Imported {count(state.summary.posts, 'post')} into {count(state.summary.threads, 'new thread')}
            {state.summary.joinedThreads > 0 ? ` and ${count(state.summary.joinedThreads, 'thread')} already in the project` : ''} in{' '}
            {state.summary.seconds.toFixed(1)} s
            {state.summary.duplicates > 0 ? `; ${count(state.summary.duplicates, 'duplicate')} skipped` : ''}
            {state.summary.warningCount > 0 ? `; ${count(state.summary.warningCount, 'warning')}` : ''}. Ctrl+Z (or Undo) takes the import out
            again.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : null}

      {state.step === 'failed' ? (
        <>
          <p id="import-status" role="alert">
            Nothing was imported and nothing in your project was changed. {state.problems.length === 1 ? 'The problem:' : `${state.problems.length} problems:`}
          </p>
          <ul className="problem-list">
            {state.problems.map((p, i) => (
              <li key={i}>{formatProblem(p)}</li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="primary" autoFocus onClick={() => dispatch({ type: 'restart' })}>
              Choose other files
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

/** A status line, a progress bar (indeterminate until the first report) and Cancel. */
function ProgressStep(props: { label: string; text: string; done: number | undefined; total: number | undefined; cancelling: boolean; onCancel: () => void }) {
  return (
    <>
      <p id="import-status" role="status">
        {props.cancelling ? 'Cancelling…' : props.text}
      </p>
      <progress aria-label={props.label} max={props.total ?? 1} value={props.done} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} disabled={props.cancelling}>
          Cancel
        </button>
      </div>
    </>
  );
}
