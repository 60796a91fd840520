import type { ReactNode } from 'react';

import { focusablesIn, wrapTarget } from './focus-trap';

interface Props {
  /** Id of the element that names the dialog. */
  labelledBy: string;
  describedBy?: string;
  /** alertdialog for confirmations and refusals that interrupt the work. */
  role?: 'dialog' | 'alertdialog';
  wide?: boolean;
  /** Escape calls this; omit for dialogs that must be answered. */
  onCancel?: () => void;
  children: ReactNode;
  as?: 'div' | 'form';
  onSubmit?: (event: React.FormEvent) => void;
}

/** A modal dialog: backdrop, ARIA role and name, Escape to cancel, Tab kept inside (focus-trap.ts). */
export function Dialog({ labelledBy, describedBy, role = 'dialog', wide, onCancel, children, as = 'div', onSubmit }: Props) {
  const props = {
    className: wide ? 'dialog wide' : 'dialog',
    role,
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
      if (e.key === 'Escape' && onCancel) onCancel();
      if (e.key !== 'Tab') return;
      const target = wrapTarget(focusablesIn(e.currentTarget), document.activeElement as HTMLElement | null, e.shiftKey);
      if (target) {
        e.preventDefault();
        target.focus();
      }
    },
  };
  return (
    <div className="dialog-backdrop">
      {as === 'form' ? (
        <form {...props} onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        <div {...props}>{children}</div>
      )}
    </div>
  );
}
