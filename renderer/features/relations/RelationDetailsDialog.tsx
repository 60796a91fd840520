import { useId, useState } from 'react';

import type { Post, Relation, RelationCode } from '@shared/model/records';
import { describeEnd, removeRelation, setRelationMemo } from '@shared/project/operations/relations';

import { Dialog } from '../../app/ui/Dialog';
import { useRelationRun } from './use-relation-run';

interface Props {
  relation: Relation;
  code: RelationCode | undefined;
  postsById: ReadonlyMap<string, Post>;
  onJump: (postId: string) => void;
  onClose: () => void;
}

/** One relation: what it links, its memo (saved on Save), go to either end, remove it. */
export function RelationDetailsDialog({ relation, code, postsById, onJump, onClose }: Props) {
  const id = useId();
  const run = useRelationRun();
  const [memo, setMemo] = useState(relation.memo);
  // The memo as the dialog opened: a memo changed since (another window) is refused, not overwritten.
  const [base] = useState(relation.memo);
  const [error, setError] = useState<string | null>(null);
  const from = describeEnd(relation.from, postsById.get(relation.from.postId));
  const to = describeEnd(relation.to, postsById.get(relation.to.postId));
  const name = code?.name ?? 'relation';
  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      describedBy={`${id}-desc`}
      onCancel={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        void run('relation memo', setRelationMemo, { relationId: relation.id, memo, base }).then((r) => (r.ok ? onClose() : setError(r.error.message)));
      }}
    >
      <h2 id={`${id}-title`}>
        <span className="swatch" style={{ backgroundColor: code?.color ?? '#666666' }} aria-hidden="true" /> {name}
      </h2>
      <p id={`${id}-desc`}>
        {from} <strong>{name}</strong> {to}.
      </p>
      <div className="dialog-actions relation-jumps">
        <button type="button" onClick={() => { onJump(relation.from.postId); onClose(); }}>
          Go to the source post
        </button>
        <button type="button" onClick={() => { onJump(relation.to.postId); onClose(); }}>
          Go to the target post
        </button>
      </div>
      <label htmlFor={`${id}-memo`}>Memo</label>
      <textarea id={`${id}-memo`} rows={3} value={memo} autoFocus onChange={(e) => setMemo(e.target.value)} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button
          type="button"
          className="danger"
          onClick={() => void run('remove relation', removeRelation, { relationId: relation.id }).then((r) => (r.ok ? onClose() : setError(r.error.message)))}
        >
          Remove relation
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit">Save memo</button>
      </div>
    </Dialog>
  );
}
