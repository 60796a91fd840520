import { useMemo } from 'react';

import type { Code } from '@shared/model/records';
import { addCode, deleteCode, editCode, mergeCodes, moveCode, splitCode, type CodePatch, type KeyboardMove, type NewCode, type NewSplitCode } from '@shared/project/operations/codebook';
import { setExemplar } from '@shared/project/operations/codings';

import { useServices } from '../../app/services';
import { runCodebookOperation as run } from '../../db/project-store';
import { useCodebookWrite } from './use-codebook-write';

/** Every codebook operation of the panel, run through the core; each resolves with its result and is undoable. */
export function useCodebookActions() {
  const { db } = useServices();
  const write = useCodebookWrite();
  return useMemo(
    () => ({
      add: (input: NewCode) => write({ label: 'add code', step: `adding “${input.name.trim()}”`, write: (deps) => run(db, deps, addCode, input) }),
      /** `base`: the code as the editor showed it; only what changed from it is written (editCode). */
      update: (code: Code, patch: CodePatch, base?: Code) =>
        write({ label: 'edit code', step: `editing “${code.name}”`, write: (deps) => run(db, deps, editCode, { codeId: code.id, patch, ...(base ? { base } : {}) }) }),
      remove: (code: Code) => write({ label: 'delete code', step: `deleting “${code.name}”`, write: (deps) => run(db, deps, deleteCode, { codeId: code.id }) }),
      move: (code: Code, parentId: string | null, index: number) =>
        write({ label: 'move code', step: `moving “${code.name}”`, write: (deps) => run(db, deps, moveCode, { codeId: code.id, to: { parentId, index } }) }),
      moveByKey: (code: Code, move: KeyboardMove) =>
        write({ label: 'move code', step: `moving “${code.name}”`, write: (deps) => run(db, deps, moveCode, { codeId: code.id, key: move }) }),
      merge: (sourceIds: readonly string[], target: Code) =>
        write({ label: 'merge codes', step: `the merge into “${target.name}”`, write: (deps) => run(db, deps, mergeCodes, { sourceCodeIds: sourceIds, targetCodeId: target.id }) }),
      split: (source: Code, codingIds: readonly string[], newCode: NewSplitCode) =>
        write({ label: 'split code', step: `splitting “${source.name}”`, write: (deps) => run(db, deps, splitCode, { sourceCodeId: source.id, chosenCodingIds: codingIds, newCode }) }),
      setExemplar: (codingId: string, on: boolean, code: Code) =>
        write({
          label: 'exemplar',
          step: `${on ? 'marking' : 'unmarking'} an exemplar of “${code.name}”`,
          write: (deps) => run(db, deps, setExemplar, { codingId, on }),
        }),
    }),
    [db, write],
  );
}

export type CodebookActions = ReturnType<typeof useCodebookActions>;
