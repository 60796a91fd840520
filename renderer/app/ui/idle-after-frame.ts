/**
 * Calls `run` once the window is idle after the coming frame (and at the latest `timeoutMs` after
 * that frame), never inside the frame itself: work that must not hold back what is about to be
 * painted (the thread list's later rows, the editor's warm-up). Returns a function that cancels it.
 */
export function idleAfterFrame(run: () => void, timeoutMs: number): () => void {
  let cancel = (): void => undefined;
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(() => run(), { timeout: timeoutMs });
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
}
