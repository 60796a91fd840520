/**
 * File → Backups and integrity check…: this project's verified backups (Back up now, Back up to a
 * file…) and the integrity check (shared/project/queries/integrity.ts, the same `threadmark check`
 * runs). Repair is offered only as "Back up and repair": a fresh verified backup first, then the
 * core's journaled `integrity.repair`; a failed backup means no repair.
 */
import './backup.css';

import { useEffect, useId, useState } from 'react';

import type { BackupFile } from '@shared/backup/backup-name';
import { formatProblem } from '@shared/problem/problem';
import { repairIntegrity } from '@shared/project/operations/integrity-repair';
import { describeFindings, integrityReport, type IntegrityReport } from '@shared/project/queries/integrity';

import { runInProject, storeOf } from '../../db/run-in-project';
import type { Services } from '../services';
import { Dialog } from '../ui/Dialog';
import { Isolated } from '../ui/Isolated';
import { backedUpMessage, backUpToFile } from './backup-actions';

type Check = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: IntegrityReport } | { kind: 'failed'; message: string };

export function BackupsDialog({ services, onClose }: { services: Services; onClose: () => void }) {
  const titleId = useId();
  const { backups, db, announce } = services;
  const [list, setList] = useState<BackupFile[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [check, setCheck] = useState<Check>({ kind: 'idle' });

  const refresh = () => void backups?.list().then(setList);
  useEffect(refresh, [backups]);

  const run = (label: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(label);
    void work().finally(() => setBusy(null));
  };
  const backUp = () =>
    run('backup', async () => {
      const done = await backups!.backUpNow();
      setNote(done.ok ? { text: backedUpMessage(done.value), error: false } : { text: `The backup failed: ${done.error}.`, error: true });
      refresh();
    });
  const runCheck = () =>
    run('check', async () => {
      setCheck({ kind: 'running' });
      try {
        setCheck({ kind: 'done', report: await storeOf(db).read((r) => integrityReport(r)) });
      } catch (e) {
        setCheck({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    });
  const repair = () =>
    run('repair', async () => {
      // Never a repair without a fresh, verified backup to go back to.
      const fresh = await backups!.backUpNow();
      refresh();
      if (!fresh.ok) {
        setNote({ text: `Nothing was repaired: the backup before it failed (${fresh.error}).`, error: true });
        return;
      }
      const repaired = await runInProject(db, repairIntegrity, {}, services);
      if (!repaired.ok) {
        setNote({ text: `Nothing was repaired: ${formatProblem(repaired.error)}.`, error: true });
        return;
      }
      setNote({ text: `${repaired.value.summary}. The backup of ${new Date(fresh.value.at).toLocaleString()} holds the project as it was.`, error: false });
      announce(`${repaired.value.summary}.`);
      setCheck({ kind: 'done', report: await storeOf(db).read((r) => integrityReport(r)) });
    });

  const findings = check.kind === 'done' ? check.report.findings : [];
  return (
    <Dialog labelledBy={titleId} onCancel={onClose} wide>
      <h2 id={titleId}>Backups and integrity check</h2>
      <section aria-labelledby={`${titleId}-backups`}>
        <h3 id={`${titleId}-backups`}>Backups</h3>
        {backups ? (
          <>
            <p>
              Verified backups of this project are kept in {backups.where}: every 10 minutes while it changes, and when you leave it. The newest 10 are kept, and one a day for two weeks, one a week for two months.
              {services.platform.kind === 'web' ? ' Clearing this site’s data in the browser removes them too; Back up to a file… keeps a copy outside it.' : ''}
            </p>
            {list === null ? <p>Reading the backups…</p> : list.length === 0 ? <p>No backup yet.</p> : <BackupTable backups={list} />}
            <div className="dialog-actions">
              <button type="button" onClick={backUp} aria-disabled={busy !== null} autoFocus>
                {busy === 'backup' ? 'Backing up…' : 'Back up now'}
              </button>
              <button type="button" onClick={() => run('file', () => backUpToFile(services))} aria-disabled={busy !== null}>
                Back up to a file…
              </button>
            </div>
          </>
        ) : (
          <p>Backups are not available in this window.</p>
        )}
      </section>
      <section aria-labelledby={`${titleId}-check`}>
        <h3 id={`${titleId}-check`}>Integrity check</h3>
        <p>Looks for codings on missing posts, codes or coders, ranges outside their post’s text, quotes that differ from the text, loops and missing parents in the code tree, and missing exemplars.</p>
        <div className="dialog-actions">
          <button type="button" onClick={runCheck} aria-disabled={busy !== null}>
            {check.kind === 'running' ? 'Checking…' : 'Check integrity'}
          </button>
          {findings.length > 0 && backups ? (
            <button type="button" className="primary" onClick={repair} aria-disabled={busy !== null}>
              {busy === 'repair' ? 'Backing up and repairing…' : 'Back up and repair'}
            </button>
          ) : null}
        </div>
        <div role="status" aria-live="polite">
          {check.kind === 'done' && findings.length === 0 ? (
            <p>
              No problems in {check.report.checked.codings.toLocaleString()} codings and {check.report.checked.codes.toLocaleString()} codes.
            </p>
          ) : null}
          {check.kind === 'done' && findings.length > 0 ? <p>Found {describeFindings(findings).join(', ')}.</p> : null}
          {check.kind === 'failed' ? <p>The check could not run: {check.message}</p> : null}
        </div>
        {findings.length > 0 ? (
          <ul className="integrity-findings" aria-label="Problems found">
            {findings.map((f) => (
              <li key={`${f.kind}-${f.id}`}>
                <Isolated>{f.record}</Isolated>: {f.message}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {note ? (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'recovery-failure' : undefined}>
          {note.text}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function BackupTable({ backups }: { backups: readonly BackupFile[] }) {
  return (
    <table className="backups-table">
      <caption>Backups, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Posts</th>
          <th scope="col">Codings</th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name}>
            <td>{new Date(b.at).toLocaleString()}</td>
            <td>{b.posts.toLocaleString()}</td>
            <td>{b.codings.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
