import { useEffect, useRef } from 'react';

import { idleAfterFrame } from './ui/idle-after-frame';

/**
 * Runs `warmUp` once, after the first frame painted with `ready` true, when the window is next idle.
 * The post editor's warm-up (prewarm-post-editor.tsx) takes the main thread for 50–120 ms: run at
 * start, it held up the start's IndexedDB answers and so the thread list's first frame; run after
 * that frame, it runs while the first thread's posts are being read, so that thread still renders warm.
 */
export function useWarmUpAfterFirstFrame(ready: boolean, warmUp: () => void): void {
  const done = useRef(false);
  const latest = useRef(warmUp);
  latest.current = warmUp;
  useEffect(() => {
    if (!ready || done.current) return;
    // Idle: after the frame's own follow-up tasks, never inside the frame it waits for.
    return idleAfterFrame(() => {
      done.current = true;
      latest.current();
    }, 500);
  }, [ready]);
}
