import { useId, useState } from 'react';

import type { LeadMemo, Memo, MemoTarget } from '@shared/model/records';
import { memoId } from '@shared/project/operations/memos';

import { useServices } from '../../../app/services';
import { Dialog } from '../../../app/ui/Dialog';
import { currentActor } from '../../../db/project-store';
import { useProjectQuery } from '../../../db/use-project-query';
import { Isolated } from '../../../app/ui/Isolated';
import { useMemoActions } from './use-memo-actions';

interface Props {
  target: MemoTarget;
  /** What the memo is on, in words: "the thread “Budget”". */
  targetLabel: string;
  onClose: () => void;
}

/** The current coder's memo on a project, thread, post or code: write, change or delete it. */
export function MemoDialog({ target, targetLabel, onClose }: Props) {
  const { db } = useServices();
  const id = useId();
  const actions = useMemoActions();
  const mine = useProjectQuery(
    db,
    async (reader): Promise<{ memo: Memo | null; lead: LeadMemo[] }> => {
      // In a coder package, the lead's memos on the same target are shown above the coder's own, read-only.
      const project = await reader.project();
      const lead = (project?.package?.leadMemos ?? []).filter((m) => m.target.kind === target.kind && (m.target.kind === 'project' || m.target.id === target.id));
      const actor = await currentActor(db);
      if (!actor) return { memo: null, lead };
      const wanted = memoId(target, actor.id);
      return { memo: (await reader.memos()).find((m) => m.id === wanted) ?? null, lead };
    },
    [target.kind, target.id],
  );
  const [text, setText] = useState<string | null>(null);
  // The stored text when the user started typing: saving over a memo changed since (another
  // window) is refused, and the user's text stays here with the message (stale-edit.ts).
  const [base, setBase] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (mine === undefined) return null;
  const shown = text ?? mine.memo?.text ?? '';
  const finish = (done: Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(true);
    void done.then((result) => {
      setBusy(false);
      if (result.ok) onClose();
      else setError(result.error?.message ?? 'refused');
    });
  };
  return (
    <Dialog
      as="form"
      wide
      labelledBy={`${id}-title`}
      onCancel={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) finish(actions.write(target, shown, text === null ? (mine.memo?.text ?? null) : base));
      }}
    >
      <h2 id={`${id}-title`}>Memo on {targetLabel}</h2>
      {mine.lead.map((m, i) => (
        <figure key={i} className="memo-lead">
          <figcaption>
            <Isolated>{m.by}</Isolated>’s memo (the lead’s, read-only)
          </figcaption>
          <p className="memo-body">{m.text}</p>
        </figure>
      ))}
      <label htmlFor={`${id}-text`}>Your memo</label>
      <textarea
        id={`${id}-text`}
        className="memo-text"
        rows={8}
        autoFocus
        value={shown}
        onChange={(e) => {
          if (text === null) setBase(mine.memo?.text ?? null);
          setText(e.target.value);
        }}
        onKeyDown={(e) => {
          // Ctrl+Enter saves, as in the coding memo; Enter alone is a new line.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <p className="hint">Ctrl+Enter saves. An empty memo is deleted. Only your own memo is edited here; the Memos tab lists everyone’s.</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        {mine.memo ? (
          <button type="button" className="danger" disabled={busy} onClick={() => finish(actions.remove(mine.memo!.id))}>
            Delete memo
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save memo
        </button>
      </div>
    </Dialog>
  );
}
