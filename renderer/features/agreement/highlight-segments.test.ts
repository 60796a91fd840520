import { describe, expect, it } from 'vitest';

import { highlightPieces } from './highlight-segments';

const piece = (start: number, text: string, marked: boolean) => ({ start, text, marked });

describe('highlightPieces', () => {
  it('returns the whole text unmarked when nothing is highlighted', () => {
    expect(highlightPieces('Men are victims too.', [])).toEqual([piece(0, 'Men are victims too.', false)]);
  });

  it('returns nothing for an empty text', () => {
    expect(highlightPieces('', [{ start: 0, end: 3 }])).toEqual([]);
  });

  it('flattens overlapping highlights into marked runs', () => {
    expect(highlightPieces('abcdefghij', [{ start: 1, end: 6 }, { start: 4, end: 9 }])).toEqual([
      piece(0, 'a', false),
      piece(1, 'bcd', true),
      piece(4, 'ef', true),
      piece(6, 'ghi', true),
      piece(9, 'j', false),
    ]);
  });

  it('reads highlights in code points: an emoji before them counts once', () => {
    // "😀 hi there": the emoji is 2 UTF-16 units, 1 code point; "hi" is code points 2–4.
    expect(highlightPieces('😀 hi there', [{ start: 2, end: 4 }])).toEqual([piece(0, '😀 ', false), piece(3, 'hi', true), piece(5, ' there', false)]);
  });

  it('shows only the stretch from–to (UTF-16), starts relative to it, highlights clipped to it', () => {
    const text = 'one two three four';
    // The stretch "two three" (UTF-16 4–13); the highlight "one two" reaches in from before it.
    expect(highlightPieces(text, [{ start: 0, end: 7 }, { start: 14, end: 18 }], 4, 13)).toEqual([piece(0, 'two', true), piece(3, ' three', false)]);
  });
});
