import { useId, useMemo, useState } from 'react';

import { codePath, sortCodesAsTree } from '@shared/codebook/code-path';
import type { Code } from '@shared/model/records';
import { previewMerge } from '@shared/project/operations/codebook';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { storeOf } from '../../db/project-store';
import { mergePreview } from './preview-text';
import { problemText } from './problem-text';
import { useCodebookActions } from './use-codebook-actions';
import { usePreview } from './use-preview';
import { ChangeFooter } from './ChangeFooter';

interface Props {
  /** The code the researcher started from; more can be ticked. */
  source: Code;
  codes: readonly Code[];
  onClose: (codeId: string | null) => void;
}

/** Merges codes into one: choose the code to keep, see what will change, then confirm. */
export function MergeDialog({ source, codes, onClose }: Props) {
  const { db } = useServices();
  const actions = useCodebookActions();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set([source.id]));
  const [targetId, setTargetId] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const tree = useMemo(() => sortCodesAsTree(codes).map(({ code }) => ({ code, path: codePath(codes, code.id) })), [codes]);
  // Sources in tree order, so the merge (and its summary) lists them as the panel does.
  const sources = tree.filter(({ code }) => chosen.has(code.id) && code.id !== targetId).map(({ code }) => code.id);
  const target = codes.find((c) => c.id === targetId);
  const preview = usePreview(target && sources.length > 0 ? () => storeOf(db).read((reader) => previewMerge(reader, { sourceCodeIds: sources, targetCodeId: target.id })) : null, mergePreview, [db, sources.join(), targetId, codes]);
  const text = refused ?? preview?.text ?? (target ? 'Tick at least one code to merge.' : 'Choose the code to keep.');

  return (
    <Dialog
      as="form"
      wide
      labelledBy={`${id}-title`}
      describedBy={`${id}-preview`}
      onCancel={() => onClose(source.id)}
      onSubmit={(e) => {
        e.preventDefault();
        if (!target || !preview?.ok) return;
        void actions.merge(sources, target).then((result) => (result.ok ? onClose(target.id) : setRefused(problemText(result.error))));
      }}
    >
      <h2 id={`${id}-title`}>Merge “{source.name}” into another code</h2>
      <label htmlFor={`${id}-target`}>Merge into (the code that stays)</label>
      <select
        id={`${id}-target`}
        autoFocus
        value={targetId}
        onChange={(e) => {
          setTargetId(e.target.value);
          setRefused(null);
        }}
      >
        <option value="">Choose a code…</option>
        {tree
          .filter(({ code }) => code.id !== source.id)
          .map(({ code, path }) => (
            <option key={code.id} value={code.id}>
              {path}
            </option>
          ))}
      </select>
      <fieldset className="pick-list">
        <legend>Codes to merge (their codings move, then they are deleted)</legend>
        {tree
          .filter(({ code }) => code.id !== targetId)
          .map(({ code, path }) => (
            <label key={code.id} className="check">
              <input
                type="checkbox"
                checked={chosen.has(code.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(code.id);
                  else next.delete(code.id);
                  setChosen(next);
                  setRefused(null);
                }}
              />
              <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
              {path}
            </label>
          ))}
      </fieldset>
      <ChangeFooter
        previewId={`${id}-preview`}
        preview={text}
        refused={refused !== null || preview?.ok === false}
        confirmLabel="Merge"
        canConfirm={preview?.ok === true && refused === null}
        onCancel={() => onClose(source.id)}
      />
    </Dialog>
  );
}
