import { useEffect, useRef, useState } from 'react';

/**
 * The code the researcher is looking at while coding: the code of the coding at the caret or
 * selection in a post (the first coding the highlight lists), of a margin label in focus, or of
 * the focused codebook row, whichever came last. It stays until another one comes, so the card
 * does not flicker while a new selection is dragged over uncoded text.
 */
export function useCodeUnderCaret(codeOfCoding: (codingId: string, postId: string | null) => string | undefined): string | null {
  const [codeId, setCodeId] = useState<string | null>(null);
  const latest = useRef(codeOfCoding);
  latest.current = codeOfCoding;

  useEffect(() => {
    // The post the element is in narrows the look-up to that post's codings.
    const fromCodings = (ids: readonly string[], element: Element) => {
      const postId = element.closest<HTMLElement>('[data-post-id]')?.dataset.postId ?? null;
      for (const id of ids) {
        const code = latest.current(id, postId);
        if (code !== undefined) return code;
      }
      return undefined;
    };
    const onSelection = () => {
      const node = document.getSelection()?.focusNode ?? null;
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      if (!element?.closest('[data-post-text]')) return;
      const mark = element.closest<HTMLElement>('mark[data-coding-ids]');
      const code = mark ? fromCodings(mark.dataset.codingIds?.split(' ') ?? [], mark) : undefined;
      if (code !== undefined) setCodeId(code);
    };
    const onFocus = (event: FocusEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.getAttribute('role') === 'treeitem' && target.dataset.codeId) setCodeId(target.dataset.codeId);
      else if (target?.classList.contains('margin-label') && target.dataset.codingId) {
        const code = fromCodings([target.dataset.codingId], target);
        if (code !== undefined) setCodeId(code);
      }
    };
    document.addEventListener('selectionchange', onSelection);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('selectionchange', onSelection);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);

  return codeId;
}
