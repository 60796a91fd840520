import { useId, useState } from 'react';

import { describeCodeChange } from '@shared/codebook/describe-code-change';
import type { Code } from '@shared/model/records';

import { Dialog } from '../../app/ui/Dialog';
import { codeRuleProblem } from '@shared/project/code-rules';
import { errorProps, FieldError } from './FieldError';
import { inPresentTense } from './preview-text';
import { useCodebookActions } from './use-codebook-actions';
import { ChangeFooter } from './ChangeFooter';

interface Props {
  code: Code;
  codes: readonly Code[];
  onClose: (codeId: string | null) => void;
}

/** Renames a code, saying what will change (and what name clashes) before it does. */
export function RenameDialog({ code, codes, onClose }: Props) {
  const actions = useCodebookActions();
  const id = useId();
  const [name, setName] = useState(code.name);
  const [refused, setRefused] = useState<string | null>(null);
  const renamed = { ...code, name: name.trim() };
  const unchanged = renamed.name === code.name;
  const clash = unchanged ? undefined : codeRuleProblem(renamed, codes.map((c) => (c.id === code.id ? renamed : c)), 0, code);
  const error = refused ?? clash?.message ?? null;
  const preview = unchanged ? 'Type the new name.' : `${inPresentTense(describeCodeChange(code, renamed, new Map(codes.map((c) => [c.id, c]))))}; its codings keep it.`;

  return (
    <Dialog
      as="form"
      labelledBy={`${id}-title`}
      describedBy={`${id}-preview`}
      onCancel={() => onClose(code.id)}
      onSubmit={(e) => {
        e.preventDefault();
        if (unchanged || clash) return;
        void actions.update(code, { name }).then((result) => (result.ok ? onClose(code.id) : setRefused(result.error.message)));
      }}
    >
      <h2 id={`${id}-title`}>Rename “{code.name}”</h2>
      <label htmlFor={`${id}-name`}>New name</label>
      <input
        id={`${id}-name`}
        value={name}
        autoFocus
        required
        maxLength={200}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setName(e.target.value);
          setRefused(null);
        }}
        {...errorProps(`${id}-error`, error)}
      />
      <FieldError id={`${id}-error`} message={error} />
      <ChangeFooter
        previewId={`${id}-preview`}
        preview={preview}
        refused={false}
        confirmLabel="Rename"
        canConfirm={!unchanged && clash === undefined}
        onCancel={() => onClose(code.id)}
      />
    </Dialog>
  );
}
