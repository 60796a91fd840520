// @vitest-environment happy-dom
import { act, Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SaveTracker } from '../../db/save-tracker';
import { SaveStatus } from './SaveStatus';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A write the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SaveStatus', () => {
  let host: HTMLElement;
  let root: Root;
  let frames: FrameRequestCallback[];
  let commits: number;
  let now: number;
  let tracker: SaveTracker;

  const text = () => host.querySelector('[data-testid="save-status"]')?.textContent;
  const runFrame = () =>
    act(() => {
      const due = frames;
      frames = [];
      for (const callback of due) callback(0);
    });
  const settle = async (write: Promise<unknown>) => {
    await act(async () => {
      await write.catch(() => {});
    });
  };

  beforeEach(() => {
    frames = [];
    commits = 0;
    now = 0;
    vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    vi.spyOn(globalThis, 'cancelAnimationFrame').mockImplementation((id) => {
      frames[id - 1] = () => {};
    });
    // Only the stuck poll's interval is faked: promises and frames stay the test's own.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    tracker = new SaveTracker({ now: () => now, stuckAfterMs: 15_000 });
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() =>
      root.render(
        <Profiler id="status" onRender={() => (commits += 1)}>
          <SaveStatus tracker={tracker} />
        </Profiler>,
      ),
    );
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('a write that commits before the next frame never shows "Saving…" and renders nothing', async () => {
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(text() ?? ''));
    observer.observe(host, { subtree: true, childList: true, characterData: true });
    const rendersBefore = commits;
    const write = deferred();
    act(() => void tracker.track('coding', write.promise));
    write.resolve();
    await settle(write.promise);
    runFrame();
    observer.disconnect();
    expect(text()).toBe('All changes saved');
    expect(seen).toEqual([]);
    expect(commits).toBe(rendersBefore);
  });

  it('a write still pending at the next frame shows "Saving…" from that frame until it commits', async () => {
    const write = deferred();
    act(() => void tracker.track('coding', write.promise));
    expect(frames).toHaveLength(1);
    // Outside act(): "Saving…" is in the DOM when the frame callback returns, painted in that frame.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      frames.splice(0).forEach((callback) => callback(0));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect(text()).toBe('Saving…');
    write.resolve();
    await settle(write.promise);
    expect(text()).toBe('All changes saved');
  });

  it('a failed write shows its failure at once, and no stale frame turns it into "Saving…"', async () => {
    const write = deferred();
    act(() => void tracker.track('coding', write.promise));
    write.reject(new Error('disk full'));
    await settle(write.promise);
    expect(text()).toBe('Last save failed: coding: disk full');
    runFrame();
    expect(text()).toBe('Last save failed: coding: disk full');
  });

  it('a write that hangs is shown as stuck by the poll, without waiting for a frame', async () => {
    const write = deferred();
    act(() => void tracker.track('coding', write.promise));
    now = 16_000;
    act(() => void vi.advanceTimersByTime(1000));
    expect(text()).toContain('Saving is stuck');
  });
});
