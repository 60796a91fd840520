import { useEffect, useRef } from 'react';

import type { Code } from '@shared/model/records';

import { shortcutOfKey } from '../features/codebook/shortcut-keys';
import type { CodingActions } from '../features/coding/use-coding-actions';

/**
 * A code's own shortcut key applies it to the selection (`shortcutCodes`: key → code, only codes
 * that can be applied); Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo.
 */
export function useShortcuts(shortcutCodes: ReadonlyMap<string, Code>, actions: CodingActions): void {
  const latest = useRef({ shortcutCodes, actions });
  latest.current = { shortcutCodes, actions };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const { shortcutCodes: codes, actions: act } = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void (event.shiftKey ? act.redo() : act.undo());
        return;
      }
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        void act.redo();
        return;
      }
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
