import { describe, expect, it } from 'vitest';

import { anchorSpan, quoteContext } from './quote-anchor';

const text = 'he said no. She said no 👍 again. They said no 👍 twice';
/** Naive, independent: code point offset of the n-th occurrence. */
const nth = (needle: string, n: number): number => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  return Array.from(text.slice(0, i)).length;
};

describe('anchorSpan', () => {
  it('keeps positions that hold the quote', () => {
    const start = nth('no 👍', 0);
    expect(anchorSpan(text, { start, end: start + 4, exact: 'no 👍', prefix: null, suffix: null })).toEqual({ kind: 'kept', start, end: start + 4 });
  });

  it('moves a span whose positions are off to the occurrence its context names', () => {
    const second = nth('no 👍', 1);
    const { prefix, suffix } = quoteContext(text, second, second + 4);
    // Positions counted in UTF-16 (one more after the first emoji) point past the quote.
    const moved = anchorSpan(text, { start: second + 1, end: second + 5, exact: 'no 👍', prefix, suffix });
    expect(moved).toEqual({ kind: 'moved', start: second, end: second + 4 });
  });

  it('takes the nearest occurrence when the context does not tell', () => {
    const first = nth('no', 1);
    expect(anchorSpan(text, { start: first + 2, end: first + 4, exact: 'no', prefix: null, suffix: null })).toEqual({ kind: 'moved', start: first, end: first + 2 });
  });

  it('does not place a quote the post lacks, nor positions without a quote that do not fit', () => {
    expect(anchorSpan(text, { start: 0, end: 2, exact: 'yes', prefix: null, suffix: null })).toMatchObject({ kind: 'unplaced', reason: 'the quote “yes” is not in the post' });
    expect(anchorSpan(text, { start: 50, end: 99, exact: null, prefix: null, suffix: null }).kind).toBe('unplaced');
    expect(anchorSpan(text, { start: 0, end: 2, exact: null, prefix: null, suffix: null })).toEqual({ kind: 'kept', start: 0, end: 2 });
  });

  it('never matches half of a surrogate pair', () => {
    // U+1F44D is D83D DC4D; a lone low surrogate as quote must not match inside the emoji.
    expect(anchorSpan(text, { start: 0, end: 1, exact: '\uDC4D', prefix: null, suffix: null }).kind).toBe('unplaced');
  });
});
