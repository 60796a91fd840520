import { useMemo } from 'react';

import type { Code } from '@shared/model/records';

import { useServices } from '../../app/services';
import { addCode, deleteCode, updateCode, type CodePatch, type NewCode } from '../../db/repositories/codes-repository';
import { mergeCodes, moveCode, moveCodeByKey, splitCode, type KeyboardMove, type NewSplitCode } from '../../db/repositories/code-structure-repository';
import { setExemplar } from '../../db/repositories/exemplars-repository';
import { useCodebookWrite } from './use-codebook-write';

/** Every codebook operation of the panel; each resolves with the repository's result and is undoable. */
export function useCodebookActions() {
  const { db } = useServices();
  const write = useCodebookWrite();
  return useMemo(
    () => ({
      add: (input: NewCode) => write({ label: 'add code', step: `adding “${input.name.trim()}”`, write: (deps) => addCode(db, input, deps) }),
      update: (code: Code, patch: CodePatch) =>
        write({ label: 'edit code', step: `editing “${code.name}”`, write: (deps) => updateCode(db, code.id, patch, deps) }),
      remove: (code: Code) => write({ label: 'delete code', step: `deleting “${code.name}”`, write: (deps) => deleteCode(db, code.id, deps) }),
      move: (code: Code, parentId: string | null, index: number) =>
        write({ label: 'move code', step: `moving “${code.name}”`, write: (deps) => moveCode(db, code.id, parentId, index, deps) }),
      moveByKey: (code: Code, move: KeyboardMove) =>
        write({ label: 'move code', step: `moving “${code.name}”`, write: (deps) => moveCodeByKey(db, code.id, move, deps) }),
      merge: (sourceIds: readonly string[], target: Code) =>
        write({ label: 'merge codes', step: `the merge into “${target.name}”`, write: (deps) => mergeCodes(db, sourceIds, target.id, deps) }),
      split: (source: Code, codingIds: readonly string[], newCode: NewSplitCode) =>
        write({ label: 'split code', step: `splitting “${source.name}”`, write: (deps) => splitCode(db, source.id, codingIds, newCode, deps) }),
      setExemplar: (codingId: string, on: boolean, code: Code) =>
        write({
          label: 'exemplar',
          step: `${on ? 'marking' : 'unmarking'} an exemplar of “${code.name}”`,
          write: (deps) => setExemplar(db, codingId, on, deps),
        }),
    }),
    [db, write],
  );
}

export type CodebookActions = ReturnType<typeof useCodebookActions>;
