import { useState } from 'react';
import { createPortal } from 'react-dom';

import type { MemoTarget } from '@shared/model/records';

import { MemoDialog } from './MemoDialog';

interface Props {
  target: MemoTarget;
  /** What the memo is on, in words: "the thread “Budget”", "Ana’s post". */
  targetLabel: string;
  /** -1 where the row's own keys reach it (post actions). */
  tabIndex?: number;
  className?: string;
}

/** "Memo…": opens the current coder's memo on a thread, post, code or the project. */
export function MemoButton({ target, targetLabel, tabIndex, className }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} tabIndex={tabIndex} aria-label={`Memo on ${targetLabel}`} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Memo…
      </button>
      {open
        ? createPortal(
            // Events from the dialog stay out of the row it was opened from (a post's focus and keys).
            <div onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} onFocus={(e) => e.stopPropagation()}>
              <MemoDialog target={target} targetLabel={targetLabel} onClose={() => setOpen(false)} />
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
