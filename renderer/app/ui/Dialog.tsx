import type { ReactNode } from 'react';

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

/** A modal dialog: backdrop, ARIA role and name, Escape to cancel. */
export function Dialog({ labelledBy, describedBy, role = 'dialog', wide, onCancel, children, as = 'div', onSubmit }: Props) {
  const props = {
    className: wide ? 'dialog wide' : 'dialog',
    role,
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape' && onCancel) onCancel();
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
