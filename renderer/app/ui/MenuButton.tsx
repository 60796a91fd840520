import { Fragment, type ReactNode, useEffect, useRef, useState } from 'react';

export interface MenuItem {
  key: string;
  label: ReactNode;
  /** The item's accessible name when `label` is not plain text. */
  name?: string;
  onSelect: () => void;
  disabled?: boolean;
  /** A shortcut shown after the label ("Ctrl+K"), and its aria-keyshortcuts value ("Control+K"). */
  keys?: string;
  keyshortcuts?: string;
  /** A separator before this item. */
  startsGroup?: boolean;
  /** An on/off setting (a `menuitemcheckbox`, ticked when on); absent for a plain command. */
  checked?: boolean;
}

const ITEMS = '[role^="menuitem"]:not(:disabled)';

interface Props {
  label: string;
  menuLabel: string;
  items: readonly MenuItem[];
  /** -1 keeps the button out of the tab order where a keyboard shortcut does the same. */
  tabIndex?: number;
  className?: string;
  /** The button's accessible name when its label is only a sign ("⋯"): "Actions for …". */
  buttonName?: string;
}

/**
 * A button that opens a menu (WAI-ARIA menu button): focus moves into the menu, arrow keys move
 * between items, Escape closes and returns focus, a click outside closes.
 */
export function MenuButton({ label, menuLabel, items, tabIndex, className, buttonName }: Props) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>(ITEMS)?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    const enabled = [...(menu.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const index = enabled.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) enabled[(index + step + enabled.length) % enabled.length]?.focus();
    else if (event.key === 'Home') enabled[0]?.focus();
    else if (event.key === 'End') enabled.at(-1)?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      button.current?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <span className={`menu-anchor ${className ?? ''}`}>
      <button ref={button} type="button" tabIndex={tabIndex} aria-label={buttonName} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open ? (
        <div ref={menu} className="menu" role="menu" aria-label={menuLabel} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <Fragment key={item.key}>
              {item.startsGroup ? <div role="separator" className="menu-separator" /> : null}
              <button
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={item.checked}
                tabIndex={-1}
                aria-label={item.name}
                aria-keyshortcuts={item.keyshortcuts}
                disabled={item.disabled}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.checked === undefined ? null : (
                  <span className="menu-check" aria-hidden="true">
                    {item.checked ? '✓' : ''}
                  </span>
                )}
                {item.label}
                {item.keys ? (
                  <kbd className="menu-keys" aria-hidden="true">
                    {item.keys}
                  </kbd>
                ) : null}
              </button>
            </Fragment>
          ))}
        </div>
      ) : null}
    </span>
  );
}
