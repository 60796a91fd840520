import { describe, expect, it } from 'vitest';

import { codePointLength, sliceCodePoints } from '../text/offsets';
import { mulberry32 } from '../agreement/seeded-random';
import { rewriteText, type Replacement } from './rewrite-text';

const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('rewriteText', () => {
  it('replaces pieces and maps offsets before, after and inside them (code points, astral characters counted once)', () => {
    const text = '😀 hi @bob, and u/al 🎉!';
    const bob = text.indexOf('@bob');
    const al = text.indexOf('u/al');
    const r = rewriteText(text, [
      { start: bob, end: bob + 4, text: '@Author 0001' },
      { start: al, end: al + 4, text: 'u/Author 0002' },
    ]);
    expect(r.text).toBe('😀 hi @Author 0001, and u/Author 0002 🎉!');
    expect(r.map(0, 'start')).toBe(0);
    expect(r.map(5, 'start')).toBe(5); // "@" of @bob: the piece starts here
    expect(r.map(7, 'start')).toBe(5); // inside @bob, opening → the alias's start
    expect(r.map(7, 'end')).toBe(17); // inside @bob, closing → the alias's end
    expect(r.map(9, 'end')).toBe(17); // just after @bob
    expect(cpSlice(r.text, r.map(9, 'start'), r.map(14, 'end'))).toBe(cpSlice(text, 9, 14)); // ", and"
  });

  it('property: every span maps to an ordered span whose quote is its slice, and spans clear of every piece keep their quote', () => {
    const random = mulberry32(17);
    const alphabet = ['a', 'b', ' ', '😀', 'é', '\n', 'x', 'ש'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const points = [...text];
      // Pieces at code-point boundaries, in order and apart.
      const replacements: Replacement[] = [];
      const cut: Array<[number, number]> = [];
      let cp = 0;
      while (cp < points.length) {
        cp += Math.floor(random() * 6);
        const length = 1 + Math.floor(random() * 4);
        if (cp + length > points.length) break;
        const start = points.slice(0, cp).join('').length;
        const end = points.slice(0, cp + length).join('').length;
        replacements.push({ start, end, text: random() < 0.5 ? 'Author 0417' : '😀' });
        cut.push([cp, cp + length]);
        cp += length + 1;
      }
      const r = rewriteText(text, replacements);
      const newLength = codePointLength(r.text);
      for (let k = 0; k < 20; k++) {
        const a = Math.floor(random() * (points.length + 1));
        const b = a + Math.floor(random() * (points.length + 1 - a));
        const s = r.map(a, 'start');
        const e = r.map(b, 'end');
        expect(s).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(newLength);
        expect(s).toBeLessThanOrEqual(e);
        expect(sliceCodePoints(r.text, s, e)).toBe(cpSlice(r.text, s, e));
        const clear = cut.every(([from, to]) => b <= from || a >= to);
        if (clear) expect(cpSlice(r.text, s, e)).toBe(cpSlice(text, a, b));
      }
      // The way back: a mapped span returns to the original span, widened only to whole replaced pieces.
      for (let k = 0; k < 10; k++) {
        const a = Math.floor(random() * (points.length + 1));
        const b = a + Math.floor(random() * (points.length + 1 - a));
        const [back0, back1] = [r.unmap(r.map(a, 'start'), 'start'), r.unmap(r.map(b, 'end'), 'end')];
        expect(back0).toBeLessThanOrEqual(a);
        expect(back1).toBeGreaterThanOrEqual(b);
        if (cut.every(([from, to]) => !(a > from && a < to))) expect(back0).toBe(a);
        if (cut.every(([from, to]) => !(b > from && b < to))) expect(back1).toBe(b);
      }
      // Monotone: a later offset never maps before an earlier one.
      for (let o = 1; o <= points.length; o++) expect(r.map(o, 'start')).toBeGreaterThanOrEqual(r.map(o - 1, 'start'));
    }
  });
});
