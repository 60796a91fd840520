import { type ReactNode, useState } from 'react';

import { CodebookDiffView } from './CodebookDiffView';
import { defaultTaken, selectionSummary, takeAllKeys } from './diff-selection';
import type { CodebookFileReview } from './use-codebook-file-review';

interface Props {
  review: CodebookFileReview;
  busy: boolean;
  error: string | null;
  /** The file's warnings, when it has any. */
  notes: ReactNode;
  onApply: (taken: ReadonlySet<string>) => void;
  onClose: () => void;
}

/** Take or leave each difference between the project's codebook and the file's; then apply. */
export function ReviewCodebookDiff({ review, busy, error, notes, onApply, onClose }: Props) {
  const { file, diff, codingCounts } = review;
  const [taken, setTaken] = useState<ReadonlySet<string>>(() => defaultTaken(diff.entries));
  const toggle = (key: string, take: boolean): void =>
    setTaken((previous) => {
      const next = new Set(previous);
      if (take) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <>
      <p id="codebook-import-desc">
        {file.fileName} differs from this project’s codebook in {diff.entries.length === 1 ? 'one way' : `${diff.entries.length} ways`}. Added codes are ticked;
        tick each other change you want to take. Nothing else in your codebook changes.
      </p>
      <div className="diff-toolbar" role="group" aria-label="Select changes">
        <button type="button" onClick={() => setTaken(takeAllKeys(diff.entries, codingCounts))}>
          Take all
        </button>
        <button type="button" onClick={() => setTaken(new Set())}>
          Leave all
        </button>
        <span className="muted">A removal that deletes codings is only taken when ticked on its own.</span>
      </div>
      <div className="codebook-diff-scroll">
        <CodebookDiffView
          entries={diff.entries}
          sides={{ before: 'In this project', after: `In ${file.fileName}` }}
          codingCounts={codingCounts}
          taken={taken}
          onToggle={toggle}
          autoFocusFirst
        />
      </div>
      {notes}
      <p className="diff-summary" role="status">
        {selectionSummary(diff.entries, taken, codingCounts)}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          Not imported: {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        {/* aria-disabled while applying: a disabled button would drop the keyboard focus. */}
        <button type="button" className="primary" disabled={taken.size === 0} aria-disabled={busy} onClick={() => busy || onApply(taken)}>
          {busy ? 'Applying…' : `Apply ${taken.size === 1 ? '1 change' : `${taken.size} changes`}`}
        </button>
      </div>
    </>
  );
}
