// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { AdjudicationText } from './AdjudicationText';
import { readTextSelection } from './read-text-selection';

/** Shows `text` (a window of it) as the view does and selects `phrase`'s first occurrence in what is shown. */
function selectIn(text: string, window: { start: number; end: number } | undefined, phrase: string): Selection {
  document.body.innerHTML = renderToStaticMarkup(<AdjudicationText text={text} spans={[{ start: 4, end: 9 }]} color="#e4572e" window={window} />);
  const root = document.querySelector('[data-adjudication-text]') as HTMLElement;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const shown = nodes.map((n) => n.data).join('');
  const from = shown.indexOf(phrase);
  const to = from + phrase.length;
  let offset = 0;
  const range = document.createRange();
  for (const node of nodes) {
    const end = offset + node.data.length;
    if (from >= offset && from < end) range.setStart(node, from - offset);
    if (to > offset && to <= end) range.setEnd(node, to - offset);
    offset = end;
  }
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('readTextSelection', () => {
  it('maps a selection across highlights to the post’s code points', () => {
    const text = 'Men are victims too, they say.';
    const selection = selectIn(text, undefined, 'are victims');
    expect(readTextSelection(selection, text)).toEqual({ start: 4, end: 15 });
  });

  it('counts from the window’s start and leaves the ellipses out', () => {
    const text = `${'x'.repeat(50)} Men are victims too, they say. ${'y'.repeat(50)}`;
    const selection = selectIn(text, { start: 45, end: 90 }, 'victims');
    const start = text.indexOf('victims');
    expect(readTextSelection(selection, text)).toEqual({ start, end: start + 7 });
  });

  it('counts code points, not UTF-16 units', () => {
    const text = '😀😀 Men are victims too';
    const selection = selectIn(text, undefined, 'Men');
    expect(readTextSelection(selection, text)).toEqual({ start: 3, end: 6 });
  });

  it('is null without a selection in the post', () => {
    document.body.innerHTML = '<p>elsewhere</p>';
    expect(readTextSelection(document.getSelection(), 'text')).toBeNull();
  });
});
