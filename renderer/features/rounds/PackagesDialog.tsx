import { useRef, useState } from 'react';

import { codersByName, versionsNewestFirst } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { useProjectQuery } from '../../db/use-project-query';
import { latestRound, roundRows } from './round-rows';
import { writeCoderPackages, type WrittenPackages } from './team-files';

interface Props {
  /** The round to prepare; default the latest. */
  roundId?: string;
  onClose: () => void;
  onStartRound: () => void;
}

/** Writes one package file per coder of a round (the latest, or one chosen), then says which files were written. */
export function PackagesDialog({ roundId, onClose, onStartRound }: Props) {
  const services = useServices();
  const { db } = services;
  const data = useProjectQuery(
    db,
    async (reader) => {
      const [rounds, versions, coders] = await Promise.all([reader.rounds(), versionsNewestFirst(reader), codersByName(reader)]);
      return roundRows(rounds, versions, coders);
    },
    [],
  );
  const [chosen, setChosen] = useState<string | null>(roundId ?? null);
  const [written, setWritten] = useState<WrittenPackages | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const rows = data ?? [];
  const round = rows.find((r) => r.id === chosen) ?? latestRound(rows);

  const write = async (): Promise<void> => {
    if (!round || running.current) return;
    running.current = true;
    setBusy(true);
    const outcome = await writeCoderPackages(services, round.id);
    running.current = false;
    setBusy(false);
    if (outcome) setWritten(outcome);
  };

  return (
    <Dialog labelledBy="packages-title" describedBy="packages-desc" onCancel={onClose}>
      <h2 id="packages-title">Prepare coder packages</h2>
      {data === undefined ? (
        <p id="packages-desc">Reading the rounds…</p>
      ) : !round ? (
        <>
          <p id="packages-desc">No round yet: a package holds one coder’s posts of a round. Draw a reliability sample first.</p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="primary" autoFocus onClick={onStartRound}>
              Reliability sample…
            </button>
          </div>
        </>
      ) : written ? (
        <>
          <p id="packages-desc" role="status">
            {written.written.length === 0 ? 'No package was written.' : `Wrote ${written.written.length === 1 ? 'one file' : `${written.written.length} files`}; send each coder theirs:`}
          </p>
          <ul className="written-files">
            {written.written.map((w) => (
              <li key={w.location}>
                <strong>{w.coderName}</strong>: <code>{w.location}</code>
              </li>
            ))}
          </ul>
          {written.skipped.length > 0 ? <p>Not saved (cancelled): {written.skipped.join(', ')}.</p> : null}
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <>
          <p id="packages-desc">
            One file per coder: their posts of the round (with the posts they answer, as context), the round’s codebook version and your instructions, no
            one else’s codings. The coder opens it in Threadmark, codes, and returns their codings with Team → Return my codings….
          </p>
          {rows.length > 1 ? (
            <>
              <label htmlFor="packages-round">Round</label>
              <select id="packages-round" value={round.id} onChange={(e) => setChosen(e.target.value)}>
                {[...rows].reverse().map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.number}. {r.name}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <p>
            <strong>{round.name}</strong>: {round.posts} posts, codebook “{round.versionName}”, for {round.coderNames.join(', ')}.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void write()}>
              Write {round.coderNames.length === 1 ? 'one file' : `${round.coderNames.length} files`}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
