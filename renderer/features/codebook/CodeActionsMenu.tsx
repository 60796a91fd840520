import { useEffect, useRef } from 'react';

export interface CodeMenuItem {
  key: string;
  label: string;
  /** Shown after the label and given as aria-keyshortcuts ("F2", "Delete"). */
  keys?: string;
  disabled?: boolean;
  onSelect: () => void;
}

interface Props {
  label: string;
  /** The box of the button that opened it; the menu opens below it (above near the window's end). */
  anchor: DOMRect;
  items: readonly CodeMenuItem[];
  /** `refocus`: give focus back to the code (Escape, Tab, a click elsewhere keeps it where it went). */
  onClose: (refocus: boolean) => void;
}

/**
 * A code's actions (WAI-ARIA menu). It is opened from the row's button or with Shift+F10 on the
 * focused code, and it lives outside the tree so the tree holds only tree items.
 */
export function CodeActionsMenu({ label, anchor, items, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // Once per opening: a re-render (a live count changing) must not move focus back to the top.
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) close.current(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const enabled = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const index = enabled.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown') enabled[(index + 1) % enabled.length]?.focus();
    else if (event.key === 'ArrowUp') enabled[(index - 1 + enabled.length) % enabled.length]?.focus();
    else if (event.key === 'Home') enabled[0]?.focus();
    else if (event.key === 'End') enabled.at(-1)?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') onClose(true);
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: a letter goes to the next item starting with it (and applies no code).
      const key = event.key.toLowerCase();
      const order = [...enabled.slice(index + 1), ...enabled.slice(0, index + 1)];
      order.find((item) => item.textContent?.trim().toLowerCase().startsWith(key))?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const below = anchor.bottom + 280 < window.innerHeight;
  const style = {
    right: Math.max(4, window.innerWidth - anchor.right),
    ...(below ? { top: anchor.bottom + 2 } : { bottom: window.innerHeight - anchor.top + 2 }),
  };
  return (
    <div ref={menu} className="menu code-menu" role="menu" aria-label={label} style={style} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          disabled={item.disabled}
          aria-keyshortcuts={item.keys}
          onClick={() => {
            onClose(false);
            item.onSelect();
          }}
        >
          <span className="code-menu-label">{item.label}</span>
          {item.keys ? <kbd aria-hidden="true">{item.keys}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
