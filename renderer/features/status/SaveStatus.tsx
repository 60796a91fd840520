import { memo, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

import type { SaveState, SaveTracker } from '../../db/save-tracker';

interface Shown {
  text: string;
  tone: string;
}

const shownOf = (state: SaveState): Shown => {
  if (state.stuck) return { text: 'Saving is stuck — check free disk space; keep this window open', tone: 'error' };
  if (state.pending > 0) return { text: 'Saving…', tone: 'busy' };
  if (state.lastError) return { text: `Last save failed: ${state.lastError}`, tone: 'error' };
  return { text: 'All changes saved', tone: 'ok' };
};

/**
 * "Saved" only once Dexie has committed; a write that has not settled in ~15 s shows "saving is
 * stuck" (a full disk hangs writes without an error: docs/reliability.md, "Storage").
 *
 * "Saving…" waits one animation frame: a write that commits before the next frame (a coding, most
 * of the time) goes from "All changes saved" to "All changes saved" without a frame of its own
 * (bench: `--only scale-browser`, a coding's frames). So for at most the one frame in which a write
 * starts, the line still shows the state before it; what the write shows (the mark) appears only
 * after its commit, and a write still pending at the next frame shows "Saving…" from then on. Only the text is state, so an unchanged line (a
 * commit after "All changes saved", the stuck poll) renders nothing.
 */
export const SaveStatus = memo(function SaveStatus({ tracker }: { tracker: SaveTracker }) {
  const [shown, setShown] = useState(() => shownOf(tracker.state()));
  useEffect(() => {
    let frame = 0;
    const show = () => {
      const next = shownOf(tracker.state());
      setShown((prev) => (prev.text === next.text && prev.tone === next.tone ? prev : next));
    };
    const refresh = () => {
      const state = tracker.state();
      if (state.pending > 0 && !state.stuck) {
        if (!frame) {
          // Rendered inside the frame callback, so "Saving…" is painted in this frame: left to React's
          // scheduler it would render in a task after it and cost a frame of its own.
          frame = requestAnimationFrame(() => {
            frame = 0;
            flushSync(show);
          });
        }
        return;
      }
      cancelAnimationFrame(frame);
      frame = 0;
      show();
    };
    const unsubscribe = tracker.subscribe(refresh);
    // Stuck is a matter of time passing, not of an event: look again every second.
    const timer = window.setInterval(refresh, 1000);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
      cancelAnimationFrame(frame);
    };
  }, [tracker]);

  return (
    <div className="save-status" role="status" aria-live="polite" data-tone={shown.tone} data-testid="save-status">
      {shown.text}
    </div>
  );
});
