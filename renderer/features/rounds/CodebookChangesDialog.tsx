import { useMemo } from 'react';

import { diffCodebooks } from '@shared/codebook/codebook-diff';
import type { CoderPackageRef } from '@shared/model/records';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { useProjectQuery } from '../../db/use-project-query';
import { CodebookDiffView } from '../codebook-exchange/CodebookDiffView';

interface Props {
  pkg: CoderPackageRef;
  onClose: () => void;
}

/** In a blind package: what changed in the codebook since the coder's previous round, or that this is their first. */
export function CodebookChangesDialog({ pkg, onClose }: Props) {
  const { db } = useServices();
  const versions = useProjectQuery(db, (reader) => reader.versions(), []);
  const { current, previous, diff } = useMemo(() => {
    const current = versions?.find((v) => v.id === pkg.codebookVersionId);
    const previous = pkg.previousCodebookVersionId === null ? undefined : versions?.find((v) => v.id === pkg.previousCodebookVersionId);
    return { current, previous, diff: current && previous ? diffCodebooks(previous.codes, current.codes) : null };
  }, [versions, pkg]);
  const currentName = current ? `“${current.name}”` : 'this round’s version';

  let body: React.ReactNode;
  if (versions === undefined) body = <p>Reading the codebook…</p>;
  else if (pkg.previousCodebookVersionId === null) {
    body = (
      <p>
        First round: codebook {currentName}
        {current ? ` (${current.codes.filter((c) => c.codable).length} codes)` : ''}. Read each code’s definition before you start.
      </p>
    );
  } else if (!previous || !diff) {
    body = <p>The codebook of your previous round is not in this package: read the definitions of {currentName} again.</p>;
  } else if (diff.entries.length === 0) {
    body = (
      <p>
        No changes: {currentName} is the codebook of your previous round (“{previous.name}”).
      </p>
    );
  } else {
    body = (
      <>
        <p role="status">
          {diff.entries.length === 1 ? 'One change' : `${diff.entries.length} changes`} from “{previous.name}”, your previous round, to {currentName}:
        </p>
        <div className="codebook-diff-scroll" role="region" aria-label="Codebook changes" tabIndex={0}>
          <CodebookDiffView entries={diff.entries} sides={{ before: `In “${previous.name}”`, after: `In ${currentName}` }} />
        </div>
      </>
    );
  }

  return (
    <Dialog labelledBy="codebook-changes-title" wide onCancel={onClose}>
      <h2 id="codebook-changes-title">Codebook changes since your last round</h2>
      {body}
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Start coding
        </button>
      </div>
    </Dialog>
  );
}
