import { useEffect, useRef } from 'react';

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
    let cancel = (): void => undefined;
    const frame = requestAnimationFrame(() => {
      const run = () => {
        done.current = true;
        latest.current();
      };
      // Idle: after the frame's own follow-up tasks, never inside the frame it waits for.
      if (typeof requestIdleCallback === 'function') {
        const idle = requestIdleCallback(run, { timeout: 500 });
        cancel = () => cancelIdleCallback(idle);
      } else {
        const timer = setTimeout(run, 0);
        cancel = () => clearTimeout(timer);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      cancel();
    };
  }, [ready]);
}
