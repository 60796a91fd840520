// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';

import { useAfterFirstFrame } from './thread-head';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const seen: (string | undefined)[] = [];
function Probe({ value }: { value: string | undefined }) {
  seen.push(useAfterFirstFrame(value));
  return null;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));

afterEach(() => {
  seen.length = 0;
});

describe('the whole thread is asked for after its head is on screen (useAfterFirstFrame)', () => {
  it('gives nothing while the head is rendered, the value once a frame has passed, and nothing again for a new value until its frame', async () => {
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(<Probe value="t0" />));
    expect(seen.at(-1)).toBeUndefined();
    await act(nextFrame);
    expect(seen.at(-1)).toBe('t0');
    // Another thread: its head first, never the previous thread's whole read in between.
    await act(async () => root.render(<Probe value="t1" />));
    expect(seen.at(-1)).toBeUndefined();
    await act(nextFrame);
    expect(seen.at(-1)).toBe('t1');
    await act(async () => root.render(<Probe value={undefined} />));
    expect(seen.at(-1)).toBeUndefined();
    expect(seen.filter((v) => v !== undefined && v !== 't0' && v !== 't1')).toEqual([]);
    act(() => root.unmount());
  });
});
