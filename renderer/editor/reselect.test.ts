// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';

import { readDomSelection } from './read-dom-selection';
import { flushRestores, restoreSelectionInFrame, selectTextRange } from './reselect';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function post(text: string): HTMLElement {
  const root = document.createElement('div');
  root.dataset.postText = 'p1';
  const [first, second] = text.split('\n');
  root.append(document.createTextNode(first!), document.createElement('br'), document.createTextNode(second!));
  document.body.append(root);
  return root;
}

const selected = () => document.getSelection()?.toString() ?? '';

afterEach(() => {
  flushRestores();
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

describe('restoring the selection after a coding', () => {
  it('selects the range at the next frame, not in the commit that asked', async () => {
    const root = post('alpha beta\ngamma');
    document.getSelection()?.removeAllRanges();
    restoreSelectionInFrame('p1', root, 6, 10);
    expect(selected()).toBe('');
    await nextFrame();
    expect(selected()).toBe('beta');
  });

  it('is applied at once for a reader that comes before the frame (a second code key)', () => {
    const root = post('alpha beta\ngamma');
    restoreSelectionInFrame('p1', root, 0, 5);
    flushRestores();
    expect(selected()).toBe('alpha');
  });

  it('counts a line break as one character, as the post text does', () => {
    const root = post('alpha beta\ngamma');
    expect(selectTextRange(root, 6, 13)).toBe(true);
    expect(selected().replace(/\n/g, '')).toBe('betaga');
  });

  it('keeps a selection the user made elsewhere meanwhile', async () => {
    const root = post('alpha beta\ngamma');
    const other = document.createElement('p');
    other.textContent = 'elsewhere';
    document.body.append(other);
    restoreSelectionInFrame('p1', root, 0, 5);
    document.getSelection()?.setBaseAndExtent(other.firstChild!, 0, other.firstChild!, 4);
    await nextFrame();
    expect(selected()).toBe('else');
  });

  it('a later restore of the same post replaces the earlier one', async () => {
    const root = post('alpha beta\ngamma');
    restoreSelectionInFrame('p1', root, 0, 5);
    restoreSelectionInFrame('p1', root, 6, 10);
    await nextFrame();
    expect(selected()).toBe('beta');
  });

  it('reading the selection applies a restore still waiting', () => {
    const root = post('alpha beta\ngamma');
    restoreSelectionInFrame('p1', root, 0, 5);
    // No editor is registered for p1 here, so the reader answers "none"; the restore has been applied.
    readDomSelection(document.getSelection(), () => 'alpha beta\ngamma');
    expect(selected()).toBe('alpha');
  });
});
