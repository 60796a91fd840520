import { useCallback, useMemo } from 'react';

import type { Code, Coding, Post } from '@shared/model/records';
import { codePointLength, codePointToUtf16 } from '@shared/text/offsets';

import { useServices } from '../../app/services';
import { addCoding, removeCoding, updateMemo } from '../../db/project-store';
import { placeholderRefusal } from './coding-refusal';
import { journalStep as journalStepOf } from './journal-step';
import { readDomSelection } from '../../editor/read-dom-selection';
import { requestReselect, takeReselect } from '../../editor/reselect';
import { notApplicableReason } from '@shared/codebook/code-status';
import { problemText } from '../codebook/problem-text';
import { useCodebookActions } from '../codebook/use-codebook-actions';
import { excerpt } from '../threads/format-time';

export interface CodingActions {
  /** Codes the current text selection; says why not when there is none or it spans two posts. */
  applyCode(code: Code): Promise<void>;
  /** Codes a post's whole text (a whole-post coding is a coding over the whole text). */
  codeWholePost(postId: string, code: Code): Promise<void>;
  /** `code`: the coding's code, if it still exists (an exemplar of it comes back as one on undo). */
  remove(coding: Coding, code: Code | undefined): Promise<void>;
  /**
   * `base`: the memo the editor loaded (a memo changed since is refused, not overwritten).
   * Resolves to null when saved, else to why not (also announced), so the editor stays open.
   */
  editMemo(coding: Coding, memo: string, base?: string): Promise<string | null>;
  /** Marks the coding as an exemplar of its code, or unmarks it (a codebook change, undoable). */
  setExemplar(coding: Coding, code: Code, on: boolean): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * Every coding action: one Dexie write (tracked by the save watchdog) and one undoable step.
 * `refusal`: why a post may not be coded here, or null (a blind package's context posts).
 * Placeholders ("[missing]", "[more]") are refused the same way, wherever they are shown.
 */
export function useCodingActions(coderId: string, postsById: ReadonlyMap<string, Post>, refusal?: (postId: string) => string | null): CodingActions {
  const { db, tracker, history, clock, ids, announce } = useServices();
  const codebook = useCodebookActions();

  const journalStep = useCallback((label: string, entryId: string) => journalStepOf({ db, tracker, clock, ids }, label, entryId), [db, tracker, clock, ids]);

  const fail = useCallback(
    (what: string, error: unknown) => announce(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, 'error'),
    [announce],
  );

  const code = useCallback(
    async (postId: string, codeToApply: Code, start: number, end: number) => {
      // Categories and retired codes are never applied, whatever asked (click, key, menu).
      const reason = notApplicableReason(codeToApply) ?? placeholderRefusal(postsById.get(postId)) ?? refusal?.(postId) ?? null;
      if (reason) {
        takeReselect(postId);
        announce(reason, 'error');
        return;
      }
      try {
        const { coding, entryId } = await tracker.track(
          'add coding',
          addCoding(db, { postId, codeId: codeToApply.id, coderId, start, end, memo: '' }, { clock, ids }),
        );
        history.push(journalStep(`coding “${codeToApply.name}”`, entryId));
        announce(`Coded “${excerpt(coding.quote, 60)}” as ${codeToApply.name}.`);
      } catch (error) {
        takeReselect(postId);
        fail('Coding', error);
      }
    },
    [db, tracker, history, clock, ids, coderId, announce, fail, journalStep, refusal, postsById],
  );

  const applyCode = useCallback(
    async (codeToApply: Code) => {
      const target = readDomSelection(window.getSelection(), (id) => postsById.get(id)?.text);
      if (target.kind === 'cross-post') {
        announce('A coding must lie inside one post: the selection spans two posts. Select text within a single post.', 'error');
        return;
      }
      if (target.kind === 'none') {
        announce('Select text in a post first (or press W on a focused post to select all of it).', 'error');
        return;
      }
      const text = postsById.get(target.postId)?.text ?? '';
      requestReselect(target.postId, { start: codePointToUtf16(text, target.start), end: codePointToUtf16(text, target.end) });
      await code(target.postId, codeToApply, target.start, target.end);
    },
    [postsById, announce, code],
  );

  const codeWholePost = useCallback(
    async (postId: string, codeToApply: Code) => {
      const text = postsById.get(postId)?.text ?? '';
      if (text.length === 0) {
        announce('This post has no text to code.', 'error');
        return;
      }
      await code(postId, codeToApply, 0, codePointLength(text));
    },
    [postsById, announce, code],
  );

  const remove = useCallback(
    async (coding: Coding, ofCode: Code | undefined) => {
      const codeName = ofCode?.name ?? 'deleted code';
      try {
        // Undo reverts the journal entry, which also gives the coding back its place among its code's exemplars.
        const removed = await tracker.track('remove coding', removeCoding(db, coding.id, { clock, ids }));
        if (!removed) return;
        history.push(journalStep(`removing “${codeName}”`, removed.entryId));
        announce(`Removed the ${codeName} coding. Ctrl+Z brings it back.`);
      } catch (error) {
        fail('Removing the coding', error);
      }
    },
    [db, tracker, history, clock, ids, announce, fail, journalStep],
  );

  const editMemo = useCallback(
    async (coding: Coding, memo: string, base?: string): Promise<string | null> => {
      try {
        const { entryId } = await tracker.track('memo', updateMemo(db, coding.id, memo, { clock, ids }, base));
        if (entryId === null) return null;
        history.push(journalStep('memo', entryId));
        announce('Memo saved.');
        return null;
      } catch (error) {
        fail('Saving the memo', error);
        return error instanceof Error ? error.message : String(error);
      }
    },
    [db, tracker, history, clock, ids, announce, fail, journalStep],
  );

  const setExemplar = useCallback(
    async (coding: Coding, ofCode: Code, on: boolean) => {
      const result = await codebook.setExemplar(coding.id, on, ofCode);
      if (!result.ok) announce(problemText(result.error), 'error');
    },
    [codebook, announce],
  );

  const undo = useCallback(async () => {
    try {
      const label = await history.undo();
      announce(label ? `Undid ${label}.` : 'Nothing to undo.');
    } catch (error) {
      fail('Undo', error);
    }
  }, [history, announce, fail]);

  const redo = useCallback(async () => {
    try {
      const label = await history.redo();
      announce(label ? `Redid ${label}.` : 'Nothing to redo.');
    } catch (error) {
      fail('Redo', error);
    }
  }, [history, announce, fail]);

  // One object while its callbacks stay: the workspace passes it on (a context, the codings panel),
  // and a new object on every render would re-render every reader after each coding.
  return useMemo(() => ({ applyCode, codeWholePost, remove, editMemo, setExemplar, undo, redo }), [applyCode, codeWholePost, remove, editMemo, setExemplar, undo, redo]);
}
