// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';

import { useRowsInSteps } from './use-rows-in-steps';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const seen: number[] = [];
function Probe({ total }: { total: number }) {
  seen.push(useRowsInSteps(total, 60, 200));
  return null;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));

afterEach(() => {
  seen.length = 0;
});

describe('a long list shows its rows a step per frame after its first frame with rows (useRowsInSteps)', () => {
  it('shows the first screen through frames without rows (the list mounted before its query answered), then one step per frame, then all', async () => {
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Probe total={0} />));
    await act(nextFrame);
    await act(nextFrame);
    expect(new Set(seen)).toEqual(new Set([60]));
    // The rows arrive: their first render is the first screen only.
    const before = seen.length;
    await act(async () => root.render(<Probe total={500} />));
    expect(seen[before]).toBe(60);
    await act(nextFrame);
    expect(seen.at(-1)).toBe(260);
    await act(nextFrame);
    expect(seen.at(-1)).toBe(460);
    await act(nextFrame);
    expect(seen.at(-1)).toBe(Infinity);
    // Naively: every value shown, in order, never above what the steps allow.
    expect([...new Set(seen)]).toEqual([60, 260, 460, Infinity]);
    act(() => root.unmount());
  });

  it('stays at all once every row was shown, whatever the rows do after', async () => {
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Probe total={30} />));
    expect(seen[0]).toBe(60);
    await act(nextFrame);
    expect(seen.at(-1)).toBe(Infinity);
    await act(async () => root.render(<Probe total={0} />));
    await act(async () => root.render(<Probe total={5000} />));
    await act(nextFrame);
    expect(seen.at(-1)).toBe(Infinity);
    act(() => root.unmount());
  });
});
