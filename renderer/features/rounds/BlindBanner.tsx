import type { CoderPackageRef } from '@shared/model/records';

import { LeadMemos } from './LeadMemos';

interface Props {
  pkg: CoderPackageRef;
  /** The coder's posts, and how many of them have a coding; null while counted. */
  progress: { assigned: number; coded: number } | null;
  onShowChanges: () => void;
  onReturn: () => void;
  /** Shows the coder's next post without a coding. */
  onNextPost: () => void;
}

/** The header's second line in a blind package: whose package of which round, the lead's instructions, the way back. */
export function BlindBanner({ pkg, progress, onShowChanges, onReturn, onNextPost }: Props) {
  const instructions = pkg.instructions.trim();
  return (
    <section className="blind-banner" aria-label="Blind package">
      <p className="blind-title">
        <strong>Blind package:</strong> {pkg.roundName} for {pkg.coderName} <span className="muted">· from {pkg.projectName}</span>
      </p>
      {progress ? (
        <span className="blind-progress" title="Posts marked “context” are there to read, not to code">
          {progress.coded} of {progress.assigned} posts coded
        </span>
      ) : null}
      {instructions ? (
        <details className="blind-instructions">
          <summary>Instructions</summary>
          <p>{instructions}</p>
        </details>
      ) : (
        <span className="muted">No instructions.</span>
      )}
      {pkg.leadMemos && pkg.leadMemos.length > 0 ? <LeadMemos memos={pkg.leadMemos} /> : null}
      <button type="button" onClick={onNextPost}>
        Next post to code
      </button>
      <button type="button" className="link-button" onClick={onShowChanges}>
        Codebook changes
      </button>
      <button type="button" onClick={onReturn}>
        Return my codings…
      </button>
    </section>
  );
}
