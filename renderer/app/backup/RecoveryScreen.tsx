/**
 * The recovery screen (docs/storage.md#backups-and-recovery): shown at start, or when a project is
 * opened, instead of a project whose database is missing, empty or broken while the manifest or a
 * backup says it existed. Restore (the newest backup, or one picked under Show backups), or open it
 * empty on purpose; never an empty project in silence.
 */
import './backup.css';

import { useEffect, useId, useRef, useState } from 'react';

import type { ManifestProject } from '@shared/backup/manifest';
import type { RecoveryCase } from '@shared/backup/recovery';

import type { RecoveryChoice } from '../projects/use-project-session';
import { Isolated } from '../ui/Isolated';

interface Props {
  cases: readonly RecoveryCase[];
  describe(c: RecoveryCase): string;
  /** Resolves with a message when it failed (nothing was changed then). */
  onChoose(project: ManifestProject, choice: RecoveryChoice): Promise<string | undefined>;
  /** Where backups are kept, in words. */
  where: string;
}

export function RecoveryScreen({ cases, describe, onChoose, where }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="recovery" aria-labelledby={titleId}>
      <h1 id={titleId} ref={heading} tabIndex={-1}>
        {cases.length === 1 ? 'A project needs to be restored' : `${cases.length} projects need to be restored`}
      </h1>
      <p>
        Threadmark keeps verified backups outside its database, in {where}. The system can reset the database (a full disk does that), so
        Threadmark checks each project against its backups when it starts.
      </p>
      {cases.map((c) => (
        <RecoveryCard key={c.project.dbName} recovery={c} text={describe(c)} onChoose={onChoose} />
      ))}
    </main>
  );
}

function RecoveryCard({ recovery, text, onChoose }: { recovery: RecoveryCase; text: string; onChoose: Props['onChoose'] }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const titleId = useId();
  const newest = recovery.backups[0];
  const choose = (choice: RecoveryChoice) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    void onChoose(recovery.project, choice).then((problem) => {
      setBusy(false);
      if (problem) setFailure(problem);
    });
  };
  return (
    <section className="recovery-card" aria-labelledby={titleId} aria-busy={busy}>
      <h2 id={titleId}>
        <Isolated>{recovery.project.name}</Isolated>
      </h2>
      <p>{text}</p>
      {failure ? (
        <p className="recovery-failure" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="recovery-actions">
        {newest ? (
          <button type="button" className="primary" disabled={busy} onClick={() => choose({ kind: 'restore', backup: newest.name })}>
            Restore
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={() => choose({ kind: 'empty' })}>
          Open empty
        </button>
        {recovery.backups.length > 0 ? (
          <button type="button" aria-expanded={showAll} disabled={busy} onClick={() => setShowAll((v) => !v)}>
            Show backups
          </button>
        ) : null}
      </div>
      {showAll ? (
        <table className="recovery-backups">
          <caption>Backups of this project, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Posts</th>
              <th scope="col">Codings</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recovery.backups.map((b) => (
              <tr key={b.name}>
                <td>{new Date(b.at).toLocaleString()}</td>
                <td>{b.posts.toLocaleString()}</td>
                <td>{b.codings.toLocaleString()}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => choose({ kind: 'restore', backup: b.name })} aria-label={`Restore the backup of ${new Date(b.at).toLocaleString()}`}>
                    Restore this one
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
