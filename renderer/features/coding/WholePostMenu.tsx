import { useEffect, useRef, useState } from 'react';

import { useCodingCommands } from './coding-commands';

/** "Code whole post": a menu of codes; the chosen one codes the post's whole text. */
export function WholePostMenu({ postId }: { postId: string }) {
  const { codes, codeWholePost } = useCodingCommands();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) items[(index + step + items.length) % items.length]?.focus();
    else if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <span className="menu-anchor">
      <button
        ref={button}
        type="button"
        tabIndex={-1}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Code whole post
      </button>
      {open ? (
        <div ref={menu} className="menu" role="menu" aria-label="Code the whole post as" onKeyDown={onMenuKey}>
          {codes.map((code) => (
            <button
              key={code.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                codeWholePost(postId, code);
              }}
            >
              <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
              {code.name}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
