import { useState } from 'react';

import type { CoderFileProposal } from './add-coder-file';
import { Dialog } from '../../app/ui/Dialog';

interface Props {
  proposal: CoderFileProposal;
  onConfirm: (replace: ReadonlySet<string>) => void;
  onCancel: () => void;
}

/** Says exactly what adding a coder's file will change, and asks before replacing anyone's codings. */
export function CoderFileDialog({ proposal, onConfirm, onCancel }: Props) {
  const { plan, fileName } = proposal;
  const [replace, setReplace] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setReplace((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const added = plan.coders.filter((c) => c.isNew || replace.has(c.projectCoderId));
  return (
    <Dialog labelledBy="coder-file-title" wide onCancel={onCancel}>
        <h2 id="coder-file-title">Add the coders in {fileName}</h2>
        {plan.coders.length === 0 ? <p>The file has no codings on posts of this project.</p> : null}
        <ul className="coder-plan">
          {plan.coders.map((coder) => (
            <li key={coder.projectCoderId}>
              {coder.isNew ? (
                <p>
                  <strong>{coder.name}</strong>: new coder, {coder.incomingCodings} codings.
                </p>
              ) : (
                <label className="check">
                  <input type="checkbox" checked={replace.has(coder.projectCoderId)} onChange={(e) => toggle(coder.projectCoderId, e.target.checked)} />
                  <span>
                    Replace <strong>{coder.name}</strong>’s {coder.existingCodings} codings in this project with the {coder.incomingCodings} in the file
                    (unticked: {coder.name} stays as is)
                  </span>
                </label>
              )}
            </li>
          ))}
        </ul>
        {plan.codesToAdd.length > 0 ? <p>{plan.codesToAdd.length} codes the project does not have will be added to the codebook.</p> : null}
        {plan.mismatchedPosts.length > 0 ? (
          <p role="note">
            {plan.mismatchedPosts.length} posts have different text in the file (e.g. by {plan.mismatchedPosts[0]?.author}): their{' '}
            {plan.skipped.mismatchedPostCodings} codings are left out, not compared.
          </p>
        ) : null}
        {plan.unmatchedPosts > 0 ? (
          <p role="note">
            {plan.unmatchedPosts} posts of the file are not in this project: their {plan.skipped.unmatchedPostCodings} codings are left out.
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" autoFocus disabled={added.length === 0} onClick={() => onConfirm(replace)}>
            Add {added.reduce((n, c) => n + c.incomingCodings, 0)} codings
          </button>
        </div>
    </Dialog>
  );
}
