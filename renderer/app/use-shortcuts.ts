import { useEffect, useRef } from 'react';

import type { Code } from '@shared/model/records';

import type { CodingActions } from '../features/coding/use-coding-actions';

/** Keys 1–9 apply the first nine codes; Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo. */
export function useShortcuts(shortcutCodes: readonly Code[], actions: CodingActions): void {
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
      if (mod || event.altKey || !/^[1-9]$/.test(event.key)) return;
      const code = codes[Number(event.key) - 1];
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
