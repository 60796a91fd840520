import { useEffect, useState } from 'react';

import type { SaveTracker } from '../../db/save-tracker';

/**
 * "Saved" only once Dexie has committed; a write that has not settled in ~15 s shows "saving is
 * stuck" (a full disk hangs writes without an error: docs/reliability.md, "Storage").
 */
export function SaveStatus({ tracker }: { tracker: SaveTracker }) {
  const [state, setState] = useState(() => tracker.state());
  useEffect(() => {
    const refresh = () => setState(tracker.state());
    const unsubscribe = tracker.subscribe(refresh);
    // Stuck is a matter of time passing, not of an event: look again every second.
    const timer = window.setInterval(refresh, 1000);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [tracker]);

  let text = 'All changes saved';
  let tone = 'ok';
  if (state.stuck) {
    text = 'Saving is stuck — check free disk space; keep this window open';
    tone = 'error';
  } else if (state.pending > 0) {
    text = 'Saving…';
    tone = 'busy';
  } else if (state.lastError) {
    text = `Last save failed: ${state.lastError}`;
    tone = 'error';
  }
  return (
    <div className="save-status" role="status" aria-live="polite" data-tone={tone} data-testid="save-status">
      {text}
    </div>
  );
}
