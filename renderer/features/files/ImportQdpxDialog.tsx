import { useState } from 'react';

import type { QdpxPostSplit } from '@shared/refi/qdpx-import-bundle';

import { Dialog } from '../../app/ui/Dialog';
import type { QdpxImportOutcome } from './qdpx-files';

interface Props {
  /** Picks the file and imports it; resolves with the outcome, or null when the picker was cancelled. */
  onImport: (split: QdpxPostSplit) => Promise<QdpxImportOutcome | null>;
  onClose: () => void;
}

/**
 * File → Import a REFI-QDA project: how a text source becomes posts (one post, or one per
 * paragraph), then the file, then what was added and every thing not taken as it was.
 */
export function ImportQdpxDialog({ onImport, onClose }: Props) {
  const [split, setSplit] = useState<QdpxPostSplit>('source');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<QdpxImportOutcome | null>(null);
  const choose = async (): Promise<void> => {
    setBusy(true);
    const result = await onImport(split);
    setBusy(false);
    if (result) setOutcome(result);
  };
  return (
    <Dialog labelledBy="qdpx-import-title" describedBy="qdpx-import-desc" onCancel={onClose}>
      <h2 id="qdpx-import-title">Import a REFI-QDA project (.qdpx)</h2>
      {outcome === null ? (
        <>
          <p id="qdpx-import-desc">
            A project from NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette: each text document becomes a thread, each text coding lands on the characters it
            coded. PDF, image, audio and video documents are skipped and listed.
          </p>
          <fieldset className="choice-list">
            <legend>Each text document becomes</legend>
            <label className="check">
              <input type="radio" name="qdpx-split" checked={split === 'source'} onChange={() => setSplit('source')} />
              <span>one post</span>
            </label>
            <label className="check">
              <input type="radio" name="qdpx-split" checked={split === 'paragraph'} onChange={() => setSplit('paragraph')} />
              <span>one post per paragraph (each line with text)</span>
            </label>
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void choose()}>
              Choose the file…
            </button>
          </div>
        </>
      ) : (
        <>
          <p id="qdpx-import-desc" role={outcome.ok ? 'status' : 'alert'}>
            <strong>{outcome.fileName}</strong>: {outcome.headline}
          </p>
          {outcome.lines.length > 0 ? (
            <>
              <p>{outcome.ok ? `Not taken as it was (${outcome.lines.length}):` : 'Problems:'}</p>
              <ul className="problem-list qdpx-report">
                {outcome.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">Everything in the file was taken.</p>
          )}
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
