import { startTransition, useEffect, useState } from 'react';

import { idleAfterFrame } from '../../app/ui/idle-after-frame';

/**
 * How many rows a long list shows: `first` until a frame with rows is on screen, then `step` more
 * each time the window is idle after a frame (each in a transition), then all (Infinity) for good.
 * A thousand thread rows rendered and laid out in one go cost most of a project's first frame, and
 * then, rendered together right after it, held back the first thread's posts behind one long layout
 * (issue 15); a step at a time, and only when idle, the thread's first screen (its IndexedDB answers,
 * its render) goes first. The list mounts before its query answers, so the frame waited for is the
 * first one with rows, not the first one of the empty list.
 */
/** A busy window still gets its next step this soon. */
const IDLE_WITHIN_MS = 300;

export function useRowsInSteps(total: number, first: number, step: number): number {
  const [limit, setLimit] = useState(first);
  const stepping = limit !== Infinity && total > 0;
  useEffect(() => {
    if (!stepping) return;
    return idleAfterFrame(() => startTransition(() => setLimit((shown) => (shown + step >= total ? Infinity : shown + step))), IDLE_WITHIN_MS);
  }, [stepping, limit, total, step]);
  return limit;
}
