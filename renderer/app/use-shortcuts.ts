import { useEffect, useRef } from 'react';

import type { Code } from '@shared/model/records';

import { shortcutOfKey } from '../features/codebook/shortcut-keys';
import type { CodingActions } from '../features/coding/use-coding-actions';
import { actionForKey, runAction } from './actions/registry';
import type { ActionContext } from './actions/types';

/**
 * The keyboard: the registry's shortcuts (Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y undo and redo, Ctrl+K
 * the command palette…), then a code's own key applies it to the selection (`shortcutCodes`:
 * key → code, only codes that can be applied). Nothing while a modal dialog is open; inside a
 * text field only the actions marked `whileTyping`, so Ctrl+Z there keeps its native meaning.
 */
export function useShortcuts(shortcutCodes: ReadonlyMap<string, Code>, actions: CodingActions, context: () => ActionContext): void {
  const latest = useRef({ shortcutCodes, actions, context });
  latest.current = { shortcutCodes, actions, context };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      const { shortcutCodes: codes, actions: act, context: ctx } = latest.current;
      const typing = isTyping(event.target);
      const action = actionForKey(event, typing);
      if (action) {
        event.preventDefault();
        runAction(action, ctx());
        return;
      }
      if (typing) return;
      const key = shortcutOfKey(event);
      const code = key === null ? undefined : codes.get(key);
      if (!code) return;
      event.preventDefault();
      void act.applyCode(code);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, textarea, select'))
  );
}
