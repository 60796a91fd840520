// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { CodeMargin } from './CodeMargin';
import type { MarginEntry } from './margin-entries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));

const entry = (codingId: string): MarginEntry => ({ codingId, codeId: 'c1', start: 0, name: 'Code', path: 'Code', color: '#e63946', coderName: 'Ada', quote: 'text' });

/** A post as PostRow lays it out: the text (with one mark per coding) and the margin beside it. */
function Post({ postId, entries }: { postId: string; entries: readonly MarginEntry[] }) {
  return (
    <div data-post={postId}>
      <p data-post-text="">
        {entries.map((e) => (
          <mark key={e.codingId} data-coding-ids={e.codingId}>
            text
          </mark>
        ))}
      </p>
      <CodeMargin postId={postId} entries={entries} focusable={false} onSelect={() => {}} />
    </div>
  );
}

/** Which posts' margins read their geometry: the margin's own rect is read once per measurement. */
let measured: string[] = [];
let root: Root;
let host: HTMLElement;

beforeEach(() => {
  measured = [];
  const original = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this.classList.contains('code-margin')) measured.push(this.closest<HTMLElement>('[data-post]')?.dataset.post ?? '?');
    return original.call(this);
  });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

describe('the code margin measures the touched post only, once a frame, never inside the change', () => {
  it('a new coding in one post measures that post’s margin, not the others on screen', async () => {
    const a = [entry('a1')];
    const b = [entry('b1')];
    await act(async () =>
      root.render(
        <>
          <Post postId="A" entries={a} />
          <Post postId="B" entries={b} />
        </>,
      ),
    );
    await act(nextFrame);
    expect(new Set(measured)).toEqual(new Set(['A', 'B']));

    measured = [];
    // A coding in post A: its entries are a new array, post B keeps its own (deriveMarginEntries).
    act(() =>
      root.render(
        <>
          <Post postId="A" entries={[...a, entry('a2')]} />
          <Post postId="B" entries={b} />
        </>,
      ),
    );
    // Nothing is read in the coding's own task: the measurement waits for the next frame.
    expect(measured).toEqual([]);
    await act(nextFrame);
    await act(nextFrame);
    expect(measured).toEqual(['A']);
  });

  it('the text rebuilt several times in one task is measured once, in the next frame', async () => {
    const a = [entry('a1')];
    await act(async () => root.render(<Post postId="A" entries={a} />));
    await act(nextFrame);
    measured = [];

    const text = host.querySelector<HTMLElement>('[data-post-text]') as HTMLElement;
    const mark = document.createElement('mark');
    mark.dataset.codingIds = 'x';
    text.append(mark);
    mark.dataset.codingIds = 'x y';
    text.append(document.createTextNode('more'));
    // The MutationObserver has run (a microtask) without reading any geometry.
    await Promise.resolve();
    await Promise.resolve();
    expect(measured).toEqual([]);
    await act(nextFrame);
    expect(measured).toEqual(['A']);
  });

  it('the brackets measured in a frame are in the DOM when that frame callback returns, for every margin at once', async () => {
    const a = [entry('a1')];
    const b = [entry('b1')];
    await act(async () =>
      root.render(
        <>
          <Post postId="A" entries={[]} />
          <Post postId="B" entries={[]} />
        </>,
      ),
    );
    await act(nextFrame);
    // A mark has a line box (happy-dom lays nothing out).
    vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
      const box = { top: 10, bottom: 28, height: 18, left: 0, right: 50, width: 50, x: 0, y: 10, toJSON: () => ({}) };
      return (this.tagName === 'MARK' ? [box] : []) as unknown as DOMRectList;
    });
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    act(() =>
      root.render(
        <>
          <Post postId="A" entries={a} />
          <Post postId="B" entries={b} />
        </>,
      ),
    );
    // Both margins asked: one frame callback for both.
    expect(frames).toHaveLength(1);
    expect(host.querySelectorAll('.margin-label')).toHaveLength(0);
    // Outside act(): what React would leave to its scheduler (a task after the frame) is not flushed here.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      frames[0]!(0);
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect([...host.querySelectorAll<HTMLElement>('.margin-label')].map((label) => label.dataset.codingId)).toEqual(['a1', 'b1']);
  });
});
