import { type ReactNode, useState } from 'react';

import { Dialog } from '../../app/ui/Dialog';
import type { OpenedBinaryFile } from '../../platform/platform';
import { CodeTreePreview } from './CodeTreePreview';
import { ReviewCodebookDiff } from './ReviewCodebookDiff';
import { useApplyCodebookImport } from './use-apply-codebook-import';
import { useCodebookFileReview, type CodebookFileReview } from './use-codebook-file-review';

interface Props {
  opened: OpenedBinaryFile;
  onClose: () => void;
}

const SHOWN = 50;

/**
 * Import a codebook (.qdc, .qdpx, .csv): read in a Worker, then either a tree of the codes to add
 * (the project has none) or the diff with the project's codebook to take or leave change by change.
 * Nothing is written before Apply.
 */
export function ImportCodebookDialog({ opened, onClose }: Props) {
  const state = useCodebookFileReview(opened);
  const apply = useApplyCodebookImport();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<{ changed: boolean; lines: string[] } | null>(null);

  const run = async (review: CodebookFileReview, taken: ReadonlySet<string>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await apply(review, taken);
    setBusy(false);
    if (!result.ok) setError(result.error);
    else if (result.value.skipped.length > 0) setSkipped({ changed: result.value.changed, lines: result.value.skipped });
    else onClose();
  };

  const closeButton = (
    <div className="dialog-actions">
      <button type="button" className="primary" autoFocus onClick={onClose}>
        Close
      </button>
    </div>
  );

  return (
    <Dialog labelledBy="codebook-import-title" describedBy="codebook-import-desc" wide onCancel={busy ? undefined : onClose}>
      <h2 id="codebook-import-title">Import the codebook in {opened.name}</h2>
      {state.kind === 'reading' ? (
        <>
          <p id="codebook-import-desc" role="status">
            Reading {opened.name}…
          </p>
          <div className="dialog-actions">
            <button type="button" autoFocus onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      ) : null}

      {state.kind === 'refused' ? (
        <>
          <p id="codebook-import-desc" role="alert">
            {opened.name} was not imported, and nothing in your project was changed. The file has{' '}
            {state.problems.length === 1 ? 'this problem' : `${state.problems.length} problems`}:
          </p>
          <ul className="problem-list">
            {state.problems.slice(0, SHOWN).map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
          {state.problems.length > SHOWN ? <p>…and {state.problems.length - SHOWN} more.</p> : null}
          {closeButton}
        </>
      ) : null}

      {state.kind === 'ready' && skipped !== null ? (
        <>
          <p id="codebook-import-desc">
            {skipped.changed ? 'The import is done (Ctrl+Z undoes it), but ' : 'Nothing was changed: '}
            {skipped.lines.length === 1 ? 'one ticked change was' : `${skipped.lines.length} ticked changes were`} not made as asked:
          </p>
          <ul className="skipped-list">
            {skipped.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {closeButton}
        </>
      ) : null}

      {state.kind === 'ready' && skipped === null ? (
        <ReadyStep review={state.review} busy={busy} error={error} onApply={(taken) => void run(state.review, taken)} onClose={onClose} closeButton={closeButton} />
      ) : null}
    </Dialog>
  );
}

interface ReadyProps {
  review: CodebookFileReview;
  busy: boolean;
  error: string | null;
  onApply: (taken: ReadonlySet<string>) => void;
  onClose: () => void;
  closeButton: ReactNode;
}

/** What the file holds: nothing new, a tree to add to an empty codebook, or a diff to review. */
function ReadyStep({ review, busy, error, onApply, onClose, closeButton }: ReadyProps) {
  const { file, base, diff, warnings } = review;
  const notes = warnings.length > 0 ? <FileWarnings warnings={warnings} /> : null;

  if (file.codes.length === 0 || diff.entries.length === 0) {
    return (
      <>
        <p id="codebook-import-desc">
          {file.codes.length === 0 ? `${file.fileName} holds no codes: there is nothing to import.` : `The codebook in ${file.fileName} is the same as this project’s: there is nothing to import.`}
        </p>
        {notes}
        {closeButton}
      </>
    );
  }

  if (base.length === 0) {
    return (
      <>
        <p id="codebook-import-desc">
          The project has no codes yet. These {file.codes.length} codes from {file.fileName} will be added:
        </p>
        <CodeTreePreview codes={file.codes} label={`Codes in ${file.fileName}`} />
        {notes}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="primary" autoFocus aria-disabled={busy} onClick={() => busy || onApply(new Set(diff.entries.map((e) => e.key)))}>
            Import {file.codes.length} codes
          </button>
        </div>
      </>
    );
  }

  return <ReviewCodebookDiff review={review} busy={busy} error={error} notes={notes} onApply={onApply} onClose={onClose} />;
}

function FileWarnings({ warnings }: { warnings: readonly string[] }) {
  return (
    <details className="codebook-file-notes">
      <summary>
        {warnings.length === 1 ? '1 note' : `${warnings.length} notes`} on reading the file
      </summary>
      <ul className="problem-list">
        {warnings.slice(0, SHOWN).map((warning, i) => (
          <li key={i}>{warning}</li>
        ))}
      </ul>
    </details>
  );
}
