import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

import type { TreeRow } from './code-tree-rows';

const rowSelector = (codeId: string): string => `[data-code-id="${CSS.escape(codeId)}"]`;

/**
 * Roving focus for the codebook tree: one row is the tree's tab stop, and while the researcher
 * works in the tree that row keeps focus across re-renders. A moved row is re-inserted by React
 * (which blurs it) and a code just added arrives with a later live query, so whenever the rows
 * change the wanted row takes focus back when focus fell to the page or sits on another row.
 */
export function useTreeFocus(rows: readonly TreeRow[], list: RefObject<HTMLElement | null>) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const working = useRef(false);
  // A code asked for before its row exists (just added): it takes focus when it appears.
  const pending = useRef<string | null>(null);
  // A code just moved, added or merged into: the tree opens its ancestors so it stays in view.
  const [inView, setInView] = useState<string | null>(null);
  const shownId = activeId !== null && rows.some((r) => r.code.id === activeId) ? activeId : (rows[0]?.code.id ?? null);

  const take = useCallback(
    (codeId: string | null): boolean => {
      const row = codeId === null ? null : (list.current?.querySelector<HTMLElement>(rowSelector(codeId)) ?? null);
      const current = document.activeElement;
      const adrift = current === null || current === document.body || (current.getAttribute('role') === 'treeitem' && list.current?.contains(current) === true);
      if (row && current !== row && adrift) row.focus();
      return row !== null;
    },
    [list],
  );

  // Any press ends keeping a code in view (the researcher may close its branch now); a press
  // outside the tree ends the work there, even where nothing takes focus (post text).
  useEffect(() => {
    const away = (event: PointerEvent) => {
      setInView(null);
      if (!list.current?.contains(event.target as Node)) {
        working.current = false;
        pending.current = null;
      }
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [list]);

  // After the rows change (moved rows are re-inserted, added ones appear).
  useLayoutEffect(() => {
    if (!working.current) return;
    if (pending.current !== null && take(pending.current)) {
      setActiveId(pending.current);
      pending.current = null;
    } else take(shownId);
  }, [rows, shownId, take]);

  /** Makes the code the tree's current row and focuses it, now or when it appears; null: the current row. */
  const focusCode = useCallback(
    (codeId: string | null) => {
      working.current = true;
      pending.current = codeId;
      setInView(codeId);
      const wanted = codeId !== null && list.current?.querySelector(rowSelector(codeId)) ? codeId : shownId;
      list.current?.querySelector<HTMLElement>(rowSelector(wanted ?? ''))?.focus();
      if (wanted === codeId) pending.current = null;
    },
    [list, shownId],
  );

  const onFocus = useCallback((event: React.FocusEvent) => {
    working.current = true;
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') === 'treeitem' && target.dataset.codeId) setActiveId(target.dataset.codeId);
  }, []);

  const onBlur = useCallback(
    (event: React.FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      // A null target is focus lost to a re-render or another window: keep working.
      if (next !== null && !list.current?.contains(next)) {
        working.current = false;
        pending.current = null;
        setInView(null);
      }
    },
    [list],
  );

  /** The researcher moved on (a key in the tree): a code still awaited no longer takes focus or opens its branch. */
  const forgetPending = useCallback(() => {
    pending.current = null;
    setInView(null);
  }, []);

  /** Keeps the code in view after a move (its new ancestors open as the moved codebook arrives). */
  const keepInView = useCallback((codeId: string) => setInView(codeId), []);

  return { activeId: shownId, setActiveId, focusCode, forgetPending, keepInView, inView, onFocus, onBlur };
}
