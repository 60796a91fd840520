import { useId, useState } from 'react';

import type { Code } from '@shared/model/records';
import { previewSplit } from '@shared/project/operations/codebook';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { storeOf } from '../../db/project-store';
import { nextColor } from './code-palette';
import { splitPreview } from './preview-text';
import { problemText } from './problem-text';
import { useCodebookActions } from './use-codebook-actions';
import { useCodingDetails } from './use-coding-details';
import { usePreview } from './use-preview';
import { ChangeFooter } from './ChangeFooter';

interface Props {
  code: Code;
  codes: readonly Code[];
  onClose: (codeId: string | null) => void;
}

/** Splits a code: the ticked codings move to a new code placed right after it. */
export function SplitDialog({ code, codes, onClose }: Props) {
  const { db } = useServices();
  const actions = useCodebookActions();
  const id = useId();
  const details = useCodingDetails({ codeId: code.id });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState('');
  const [color, setColor] = useState(() => nextColor(codes));
  const [refused, setRefused] = useState<string | null>(null);
  // Codings removed meanwhile (undo elsewhere) drop out of the choice.
  const picked = (details ?? []).filter((d) => chosen.has(d.coding.id)).map((d) => d.coding.id);
  const total = details?.length ?? 0;
  const preview = usePreview(
    picked.length > 0 && name.trim() !== '' ? () => storeOf(db).read((reader) => previewSplit(reader, { sourceCodeId: code.id, chosenCodingIds: picked, newCode: { name, color } })) : null,
    (plan) => splitPreview(plan, total),
    [db, code.id, picked.join(), name, color, total],
  );
  const text = refused ?? preview?.text ?? (name.trim() === '' ? 'Name the new code.' : 'Tick the codings that move to the new code.');

  const toggle = (codingId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(codingId);
    else next.delete(codingId);
    setChosen(next);
    setRefused(null);
  };

  return (
    <Dialog
      as="form"
      wide
      labelledBy={`${id}-title`}
      describedBy={`${id}-preview`}
      onCancel={() => onClose(code.id)}
      onSubmit={(e) => {
        e.preventDefault();
        if (!preview?.ok) return;
        void actions.split(code, picked, { name, color }).then((result) => {
          if (result.ok) onClose(result.value.codes.find((row) => row.before === null)?.after?.id ?? code.id);
          else setRefused(problemText(result.error));
        });
      }}
    >
      <h2 id={`${id}-title`}>Split “{code.name}”</h2>
      <div className="editor-row">
        <div className="editor-grow">
          <label htmlFor={`${id}-name`}>New code name</label>
          <input
            id={`${id}-name`}
            value={name}
            autoFocus
            required
            maxLength={200}
            onChange={(e) => {
              setName(e.target.value);
              setRefused(null);
            }}
          />
        </div>
        <div>
          <label htmlFor={`${id}-color`}>Colour</label>
          <input id={`${id}-color`} type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </div>
      </div>
      <fieldset className="pick-list">
        <legend>
          Codings of “{code.name}” to move ({picked.length} of {total})
        </legend>
        {details === undefined ? <p className="panel-sub">Loading its codings…</p> : null}
        {details?.length === 0 ? <p className="panel-sub">It has no codings to split.</p> : null}
        {details?.map(({ coding, author, coderName }) => (
          <label key={coding.id} className="check coding-choice">
            <input type="checkbox" checked={chosen.has(coding.id)} onChange={(e) => toggle(coding.id, e.target.checked)} />
            <span>
              <span className="choice-quote">“{coding.quote}”</span>
              <span className="choice-meta">
                Post by {author}, coded by {coderName}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <ChangeFooter
        previewId={`${id}-preview`}
        preview={text}
        refused={refused !== null || preview?.ok === false}
        confirmLabel="Split"
        canConfirm={preview?.ok === true && refused === null}
        onCancel={() => onClose(code.id)}
      />
    </Dialog>
  );
}
