import { useEffect, useId, useState } from 'react';

import { valueInWords, type ConflictItem } from '@shared/sync/conflicts';
import { databaseKey } from '@shared/sync/names';

import { Dialog } from '../../app/ui/Dialog';
import { Isolated } from '../../app/ui/Isolated';
import type { ConflictRef, SyncEngine } from './sync-engine';

interface Props {
  engine: Pick<SyncEngine, 'loadConflict' | 'resolve'>;
  conflicts: readonly ConflictRef[];
  onClose(): void;
}

/** Where a record lives, in words. */
const whereOf = (item: ConflictItem): string => (item.db.kind === 'layer' ? `${item.db.user}’s codings` : databaseKey(item.db));

/**
 * Every record two machines changed apart: both versions side by side, the differing fields marked,
 * and a choice of which to keep. Nothing is resolved without a person choosing (docs/sync.md).
 */
export function ConflictInbox({ engine, conflicts, onClose }: Props) {
  const id = useId();
  const [items, setItems] = useState<ConflictItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all(conflicts.map((ref) => engine.loadConflict(ref))).then((loaded) => {
      if (live) setItems(loaded.filter((i): i is ConflictItem => i !== null));
    });
    return () => {
      live = false;
    };
  }, [engine, conflicts, reloads]);

  const keep = async (item: ConflictItem, rev: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await engine.resolve(item, rev === null ? { keep: 'winner' } : { keep: 'loser', rev });
      setReloads((n) => n + 1);
    } catch (e) {
      setError(`The choice was not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-desc`} onCancel={onClose} wide>
      <h2 id={`${id}-title`}>Conflict inbox</h2>
      <p id={`${id}-desc`}>
        Each record below was changed on two computers before they synced. The server picked one version for now; the other is kept aside. Choose the version to keep: it goes to every computer.
      </p>
      {items === null ? <p>Reading the versions…</p> : null}
      {items !== null && items.length === 0 ? <p role="status">No conflicts: every record has one version.</p> : null}
      <ul className="conflict-list">
        {(items ?? []).map((item) => {
          const fields = [...new Set(item.losers.flatMap((l) => l.differences.map((d) => d.field)))];
          const versions = [{ rev: null, doc: item.winner.doc, label: 'Version A (shown now)' }, ...item.losers.map((l, i) => ({ rev: l.rev, doc: l.doc, label: `Version ${String.fromCharCode(66 + i)} (set aside)` }))];
          const valueOf = (doc: ConflictItem['winner']['doc'], field: string): unknown => (doc.table === 'posts' || doc.table === 'journal' ? undefined : (doc.record as unknown as Record<string, unknown>)[field]);
          return (
            <li key={`${databaseKey(item.db)} ${item.docId}`} className="conflict-item">
              <h3>
                <Isolated>{item.label}</Isolated> <span className="muted">in {whereOf(item)}</span>
              </h3>
              <table className="conflict-table">
                <caption className="visually-hidden">Fields that differ between the versions of {item.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    {versions.map((v) => (
                      <th scope="col" key={v.rev ?? 'winner'}>
                        {v.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {fields.length === 0 ? (
                    <tr>
                      <td colSpan={versions.length + 1}>The versions hold the same content.</td>
                    </tr>
                  ) : null}
                  {fields.map((field) => (
                    <tr key={field}>
                      <th scope="row">{field}</th>
                      {versions.map((v) => (
                        <td key={v.rev ?? 'winner'}>
                          <Isolated>{valueInWords(valueOf(v.doc, field))}</Isolated>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td />
                    {versions.map((v) => (
                      <td key={v.rev ?? 'winner'}>
                        <button type="button" disabled={busy} onClick={() => void keep(item, v.rev)} aria-label={`Keep ${v.label.replace(/ \(.*\)$/, '')} of ${item.label}`}>
                          Keep this version
                        </button>
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {error}
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
