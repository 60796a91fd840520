import { useId, useState } from 'react';

import { addRelation, defineRelationCode } from '@shared/project/operations/relations';

import { Dialog } from '../../app/ui/Dialog';
import { FormDialogActions } from '../../app/ui/NameDialog';
import { relationDraft, type RelationPair } from './relation-draft';
import { useRelationCodes } from './use-thread-relations';
import { useRelationRun } from './use-relation-run';

const NEW = '__new__';

/**
 * The last step of relating two posts: which relation it is (a code of the relation codebook, or
 * a new one named here) and a memo. Arrow keys move between the codes; Enter relates.
 */
export function RelationDialog({ pair }: { pair: RelationPair }) {
  const id = useId();
  const codes = useRelationCodes();
  const run = useRelationRun();
  const [chosen, setChosen] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [memo, setMemo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = chosen ?? codes[0]?.id ?? NEW;

  const submit = async (): Promise<void> => {
    let codeId = selected;
    if (selected === NEW) {
      const defined = await run('add relation code', defineRelationCode, { name: newName });
      if (!defined.ok) return setError(defined.error.message);
      codeId = defined.value.id;
    }
    const added = await run('relate posts', addRelation, { relationCodeId: codeId, from: pair.from, to: pair.to, memo: memo.trim() === '' ? '' : memo });
    if (!added.ok) return setError(added.error.message);
    relationDraft.cancel();
  };

  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      describedBy={`${id}-desc`}
      onCancel={() => relationDraft.cancel()}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        void submit().finally(() => setBusy(false));
      }}
    >
      <h2 id={`${id}-title`}>Relate two posts</h2>
      <p id={`${id}-desc`}>
        From {pair.fromLabel} to {pair.toLabel}.
      </p>
      <fieldset className="relation-codes">
        <legend>Relation</legend>
        {codes.map((code, i) => (
          <label key={code.id} className="relation-code-choice">
            <input
              type="radio"
              name={`${id}-code`}
              value={code.id}
              checked={selected === code.id}
              autoFocus={i === 0}
              onChange={() => {
                setChosen(code.id);
                setError(null);
              }}
            />
            <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
            {code.name}
            {code.definition ? <span className="relation-code-definition"> — {code.definition}</span> : null}
          </label>
        ))}
        <label className="relation-code-choice">
          <input type="radio" name={`${id}-code`} value={NEW} checked={selected === NEW} autoFocus={codes.length === 0} onChange={() => setChosen(NEW)} />
          New relation code
        </label>
        {selected === NEW ? (
          <input
            aria-label="Name of the new relation code"
            placeholder="e.g. deflects to"
            value={newName}
            maxLength={100}
            onChange={(e) => {
              setNewName(e.target.value);
              setError(null);
            }}
          />
        ) : null}
      </fieldset>
      <label htmlFor={`${id}-memo`}>Memo (optional)</label>
      <textarea id={`${id}-memo`} rows={2} value={memo} onChange={(e) => setMemo(e.target.value)} />
      <FormDialogActions error={error} confirmLabel="Relate" confirmDisabled={busy || (selected === NEW && newName.trim() === '')} onCancel={() => relationDraft.cancel()} />
    </Dialog>
  );
}
