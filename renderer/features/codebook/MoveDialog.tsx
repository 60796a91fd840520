import { useId, useMemo, useState } from 'react';

import { codePath, sortCodesAsTree } from '@shared/codebook/code-path';
import { isWithin, planMove, siblingsOf } from '@shared/codebook/tree-moves';
import type { Code } from '@shared/model/records';

import { Dialog } from '../../app/ui/Dialog';
import { inPresentTense } from './preview-text';
import { problemText } from './problem-text';
import { useCodebookActions } from './use-codebook-actions';
import { ChangeFooter } from './ChangeFooter';

interface Props {
  code: Code;
  codes: readonly Code[];
  onClose: (codeId: string | null) => void;
}

/** Moves a code under another parent (or to the top level) at a chosen place, without dragging. */
export function MoveDialog({ code, codes, onClose }: Props) {
  const actions = useCodebookActions();
  const id = useId();
  const [parentId, setParentId] = useState(code.parentId);
  const siblings = siblingsOf(codes, parentId).filter((c) => c.id !== code.id);
  const [index, setIndex] = useState(() => siblingsOf(codes, code.parentId).findIndex((c) => c.id === code.id));
  const [refused, setRefused] = useState<string | null>(null);
  // A code cannot go under itself or its own sub-codes: those places are not offered.
  const parents = useMemo(
    () => sortCodesAsTree(codes).filter(({ code: c }) => !isWithin(codes, c.id, code.id)).map(({ code: c }) => ({ id: c.id, path: codePath(codes, c.id) })),
    [codes, code.id],
  );
  const plan = planMove(codes, code.id, parentId, index);
  const stays = plan.ok && plan.value.changed.length === 0;
  const preview = refused ?? (plan.ok ? `${inPresentTense(plan.value.summary)}.` : problemText(plan.error));

  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      describedBy={`${id}-preview`}
      onCancel={() => onClose(code.id)}
      onSubmit={(e) => {
        e.preventDefault();
        if (!plan.ok || stays) return;
        void actions.move(code, parentId, index).then((result) => (result.ok ? onClose(code.id) : setRefused(problemText(result.error))));
      }}
    >
      <h2 id={`${id}-title`}>Move “{code.name}”</h2>
      <label htmlFor={`${id}-parent`}>New parent</label>
      <select
        id={`${id}-parent`}
        autoFocus
        value={parentId ?? ''}
        onChange={(e) => {
          const next = e.target.value || null;
          setParentId(next);
          setIndex(siblingsOf(codes, next).filter((c) => c.id !== code.id).length);
          setRefused(null);
        }}
      >
        <option value="">Top level</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {p.path}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-position`}>Position</label>
      <select id={`${id}-position`} value={index} onChange={(e) => setIndex(Number(e.target.value))}>
        {[...siblings, null].map((_, i) => (
          <option key={i} value={i}>
            {i === 0 ? 'First' : `After “${siblings[i - 1]?.name ?? ''}”`}
          </option>
        ))}
      </select>
      <ChangeFooter
        previewId={`${id}-preview`}
        preview={preview}
        refused={!plan.ok || refused !== null}
        confirmLabel="Move"
        canConfirm={plan.ok && !stays}
        onCancel={() => onClose(code.id)}
      />
    </Dialog>
  );
}
