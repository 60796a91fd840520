import { useState } from 'react';

import { formatProblem } from '@shared/bundle/validate';
import type { CoderLayerPlan } from '@shared/bundle/coder-layer-plan';
import type { MergedFileReport } from '@shared/project/operations/merge-coder-files';

import { Dialog } from '../../app/ui/Dialog';
import { CodebookDiffView } from '../codebook-exchange/CodebookDiffView';
import { blockingProblem, refusedFileName, type CoderFilesReview } from './add-coder-files';

interface Props {
  review: CoderFilesReview;
  busy: boolean;
  /** `replace`: per plain file, the project coders ticked to be replaced by the file's. */
  onConfirm: (replace: ReadonlyMap<string, ReadonlySet<string>>) => void;
  onLeaveOut: (fileName: string) => void;
  onAddMore: () => void;
  onCancel: () => void;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * Says, per file, exactly what adding it will change: a returned package's codings added, changed,
 * removed and unchanged in its round, with the codebook changes its coder made; another bundle's
 * coders as new layers (replacing one already present only when ticked); a refusal, naming the file.
 */
export function AddCoderFilesDialog({ review, busy, onConfirm, onLeaveOut, onAddMore, onCancel }: Props) {
  const [replace, setReplace] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const toggle = (file: string, coderId: string, on: boolean) =>
    setReplace((prev) => {
      const next = new Map(prev);
      const set = new Set(next.get(file) ?? []);
      if (on) set.add(coderId);
      else set.delete(coderId);
      next.set(file, set);
      return next;
    });
  const blocked = blockingProblem(review);
  const refusedByMerge = refusedFileName(review);
  const reportOf = (name: string): MergedFileReport | undefined => (review.merge?.ok ? review.merge.value.files.find((f) => f.file === name) : undefined);
  const count = review.files.length;
  // Focus starts where the researcher can act: on Add when it can be pressed, else on Leave out of
  // the file that blocks it (a disabled button takes no focus, and Escape needs focus in the dialog).
  const blocker = blocked === null ? null : (review.files.find((f) => f.kind === 'refused')?.name ?? refusedByMerge);

  return (
    <Dialog labelledBy="coder-files-title" describedBy="coder-files-desc" wide onCancel={onCancel}>
      <div className="coder-files-dialog">
        <h2 id="coder-files-title">Add coder files</h2>
        <p id="coder-files-desc" className="muted">
          A file a coder returned from their package is merged into its round as their codings; any other project bundle comes in as its coders’ layers.
          Nothing is written until you add them; Ctrl+Z takes them out again.
        </p>
        <ul className="coder-files">
          {review.files.map((file) => (
            <li key={file.name} className="coder-file" data-kind={file.kind}>
              <div className="coder-file-head">
                <h3>{file.name}</h3>
                <button type="button" className="link-button" autoFocus={file.name === blocker} onClick={() => onLeaveOut(file.name)}>
                  Leave out
                </button>
              </div>
              {file.kind === 'refused' ? (
                <div role="alert">
                  <ul className="problem-list">
                    {file.problems.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                </div>
              ) : file.kind === 'returned' ? (
                refusedByMerge === file.name && review.merge && !review.merge.ok ? (
                  <p className="field-error" role="alert">
                    Refused: {formatProblem(review.merge.error)}.
                  </p>
                ) : (
                  <ReturnedFile report={reportOf(file.name)} />
                )
              ) : (
                <>
                  <LayerFile plan={file.plan} replace={replace.get(file.name)} onToggle={(coderId, on) => toggle(file.name, coderId, on)} />
                  {file.notes && file.notes.length > 0 ? <QdpxNotes lines={file.notes} /> : null}
                </>
              )}
            </li>
          ))}
        </ul>
        {review.merge && !review.merge.ok && refusedByMerge === null ? (
          <p className="field-error" role="alert">
            The returned files are refused: {formatProblem(review.merge.error)}.
          </p>
        ) : null}
        {blocked ? <p className="muted">{blocked}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="dialog-actions-start" onClick={onAddMore}>
            More files…
          </button>
          <button type="button" autoFocus={blocked !== null && blocker === null} onClick={onCancel}>
            Cancel
          </button>
          {/* Mounted anew once nothing blocks it, so focus moves to it after the last blocking file is left out. */}
          <button key={blocked === null ? 'ready' : 'blocked'} type="button" className="primary" autoFocus={blocked === null} disabled={blocked !== null || busy} onClick={() => onConfirm(replace)}>
            Add {count === 1 ? 'the file' : `${count} files`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** What a .qdpx from another tool did not bring as it was (codings split at post boundaries, not placed…). */
function QdpxNotes({ lines }: { lines: readonly string[] }) {
  return (
    <details className="coder-file-changes" open={lines.length <= 5}>
      <summary>From the other tool’s file ({lines.length})</summary>
      <ul className="problem-list">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </details>
  );
}

function ReturnedFile({ report }: { report: MergedFileReport | undefined }) {
  if (!report) return <p className="muted">Checking the file against its round…</p>;
  const changes = report.codebookChanges;
  return (
    <>
      <p>
        <strong>{report.coderName}</strong>’s codings of <strong>{report.roundName}</strong>: {report.added} added, {report.changed} changed,{' '}
        {report.removed} removed, {report.unchanged} unchanged.
      </p>
      {report.memos.added + report.memos.changed > 0 ? (
        <p>
          Their memos: {report.memos.added} added, {report.memos.changed} changed.
        </p>
      ) : null}
      {report.memos.leftOut > 0 ? <p className="muted">{plural(report.memos.leftOut, 'memo')} on the package project itself stay out.</p> : null}
      {changes.length === 0 ? (
        <p className="muted">No codebook changes.</p>
      ) : (
        <details className="coder-file-changes">
          <summary>
            Codebook changes {report.coderName} made ({changes.length})
          </summary>
          <CodebookDiffView entries={changes} sides={{ before: `In ${report.roundName}`, after: `In ${report.coderName}’s file` }} />
        </details>
      )}
    </>
  );
}

/** ", 2 memos, 1 relation" a coder's layer brings beside codings ('' when none); `lead` opens a phrase, closed by ")". */
function extrasOf(plan: CoderLayerPlan, coderId: string, lead = ''): string {
  const memos = plan.extras?.memosByCoder.get(coderId)?.length ?? 0;
  const relations = plan.extras?.relationsByCoder.get(coderId)?.length ?? 0;
  const parts = [memos > 0 ? plural(memos, 'memo') : '', relations > 0 ? plural(relations, 'relation') : ''].filter(Boolean);
  if (parts.length === 0) return '';
  return lead === '' ? `, ${parts.join(', ')}` : `${lead} ${parts.join(' and ')})`;
}

function LayerFile({ plan, replace, onToggle }: { plan: CoderLayerPlan; replace: ReadonlySet<string> | undefined; onToggle: (coderId: string, on: boolean) => void }) {
  return (
    <>
      {plan.coders.length === 0 ? <p>The file has no codings on posts of this project.</p> : null}
      <ul className="coder-plan">
        {plan.coders.map((coder) => (
          <li key={coder.projectCoderId}>
            {coder.isNew ? (
              <p>
                <strong>{coder.name}</strong>: new coder, {plural(coder.incomingCodings, 'coding')}
                {extrasOf(plan, coder.projectCoderId)}.
              </p>
            ) : (
              <label className="check">
                <input type="checkbox" checked={replace?.has(coder.projectCoderId) ?? false} onChange={(e) => onToggle(coder.projectCoderId, e.target.checked)} />
                <span>
                  Replace <strong>{coder.name}</strong>’s {coder.existingCodings} codings in this project with the {coder.incomingCodings} in the file
                  {extrasOf(plan, coder.projectCoderId, ' (and add their')} (unticked: {coder.name} stays as is)
                </span>
              </label>
            )}
          </li>
        ))}
      </ul>
      {plan.extras && plan.extras.leftOut.length > 0 ? (
        <details className="coder-file-changes">
          <summary>Memos and relations not taken ({plan.extras.leftOut.length})</summary>
          <ul>
            {plan.extras.leftOut.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {plan.codesToAdd.length > 0 ? <p>{plural(plan.codesToAdd.length, 'code')} the project does not have will be added to the codebook.</p> : null}
      {plan.mismatchedPosts.length > 0 ? (
        <p role="note">
          {plural(plan.mismatchedPosts.length, 'post')} have different text in the file (e.g. by {plan.mismatchedPosts[0]?.author}): their{' '}
          {plan.skipped.mismatchedPostCodings} codings are left out, not compared.
        </p>
      ) : null}
      {plan.unmatchedPosts > 0 ? (
        <p role="note">
          {plural(plan.unmatchedPosts, 'post')} of the file are not in this project: their {plan.skipped.unmatchedPostCodings} codings are left out.
        </p>
      ) : null}
    </>
  );
}
