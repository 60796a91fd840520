// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';

import { useWarmUpAfterFirstFrame } from './warm-up-after-first-frame';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));

function Probe({ ready, warmUp }: { ready: boolean; warmUp: () => void }) {
  useWarmUpAfterFirstFrame(ready, warmUp);
  return null;
}

describe('the post editor warmed up after the project’s first frame (useWarmUpAfterFirstFrame)', () => {
  it('waits while nothing is ready, never runs inside the render that makes it ready, runs once a frame later, and only once', async () => {
    let calls = 0;
    const warmUp = () => void calls++;
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Probe ready={false} warmUp={warmUp} />));
    await act(nextFrame);
    expect(calls).toBe(0);
    await act(async () => root.render(<Probe ready warmUp={warmUp} />));
    expect(calls).toBe(0);
    await act(nextFrame);
    expect(calls).toBe(1);
    // Another project opened later: the editor is warm already.
    await act(async () => root.render(<Probe ready={false} warmUp={warmUp} />));
    await act(async () => root.render(<Probe ready warmUp={warmUp} />));
    await act(nextFrame);
    expect(calls).toBe(1);
    act(() => root.unmount());
  });

  it('does not run when the window leaves before its frame', async () => {
    let calls = 0;
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Probe ready warmUp={() => void calls++} />));
    act(() => root.unmount());
    await nextFrame();
    expect(calls).toBe(0);
  });
});
