import { useId } from 'react';

import type { Coding } from '@shared/model/records';
import { setCodingQuoted, type QuotedChoice } from '@shared/project/operations/coding-quoted';

import { useServices } from '../../app/services';
import { useUndoableOperation } from '../coding/use-undoable-operation';

/** A coding's "Quoted in paper" choice (the quote report checks the verbatim ones); undoable. */
export function QuotedInPaper({ coding }: { coding: Coding }) {
  const run = useUndoableOperation('coding');
  const { announce } = useServices();
  const id = useId();
  return (
    <span className="quoted-in-paper">
      <label htmlFor={id}>Quoted in paper</label>
      <select
        id={id}
        value={coding.quoted ?? 'not-quoted'}
        onChange={(e) => {
          void run('mark quote', setCodingQuoted, { codingId: coding.id, quoted: e.target.value as QuotedChoice }, 'marking a quote').then((r) => {
            if (!r.ok) announce(r.error.message, 'error');
          });
        }}
      >
        <option value="not-quoted">not quoted</option>
        <option value="verbatim">verbatim</option>
        <option value="paraphrased">paraphrased</option>
      </select>
    </span>
  );
}
