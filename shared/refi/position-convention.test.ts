import { describe, expect, it } from 'vitest';

import { chooseConvention, SourceText } from './position-convention';
import { TextIndex } from './text-index';

const TEXT = 'Hi 👋🏽 all\r\nthe 👨‍👩‍👧 family\r\nend 😤😤 now';

/** Naive: code points by spreading the string. */
const cps = (s: string): string[] => [...s];

describe('TextIndex', () => {
  it('converts every position both ways as a naive walk does, and refuses the middle of a pair', () => {
    const index = new TextIndex(TEXT);
    expect(index.lengthCp).toBe(cps(TEXT).length);
    for (let cp = 0; cp <= cps(TEXT).length; cp++) {
      const u16 = cps(TEXT).slice(0, cp).join('').length;
      expect(index.utf16Of(cp)).toBe(u16);
      expect(index.codePointOf(u16)).toBe(cp);
    }
    expect(index.codePointOf(TEXT.indexOf('👋') + 1)).toBeNull();
  });
});

describe('reading positions', () => {
  const text = new SourceText(TEXT);
  const lf = TEXT.replace(/\r\n/g, '\n');
  const word = (w: string) => {
    const cpStart = cps(lf.slice(0, lf.indexOf(w))).length;
    return { cpStart, cpEnd: cpStart + cps(w).length };
  };

  it('maps each unit onto code points of the LF text', () => {
    const { cpStart, cpEnd } = word('family');
    const rawStart = TEXT.indexOf('family');
    expect(text.toLfCodePoint(rawStart, 'utf16')).toBe(cpStart);
    expect(text.toLfCodePoint(cps(TEXT.slice(0, rawStart)).length, 'code-points')).toBe(cpStart);
    expect(text.toLfCodePoint(cpStart, 'code-points-crlf-as-one')).toBe(cpStart);
    expect(text.toLfCodePoint(TEXT.indexOf('😤') + 1, 'utf16')).toBeNull();
    expect(text.toLfCodePoint(99_999, 'code-points')).toBeNull();
    expect(cpEnd - cpStart).toBe(6);
  });

  it('takes the producer’s habit, and overrules it when the text clearly fits another unit', () => {
    const u16 = ['family', 'now', 'end', 'all', 'the'].map((w) => ({ start: TEXT.indexOf(w), end: TEXT.indexOf(w) + w.length, name: w }));
    expect(chooseConvention('NVivo 12', text, u16)).toEqual({ convention: 'utf16', overruled: null });
    expect(chooseConvention('MyTool 1.0', text, u16)).toEqual({ convention: 'utf16', overruled: 'code-points' });
    const plain = new SourceText('no emoji here\nat all');
    expect(chooseConvention('NVivo 12', plain, [{ start: 0, end: 2, name: '' }])).toEqual({ convention: 'utf16', overruled: null });
    expect(chooseConvention('ATLAS.ti 23', text, [])).toEqual({ convention: 'code-points-crlf-as-one', overruled: null });
  });

  it('reads every position of a text without CR LF (a lone CR, emoji) alike as code points and with CR LF counted once (so it scores them once)', () => {
    const noCrlf = new SourceText('a 👋🏽 b\rc 👨‍👩‍👧 d\ne');
    expect(noCrlf.hasCrlf).toBe(false);
    for (let p = -1; p <= noCrlf.raw.length + 2; p++) expect(noCrlf.toLfCodePoint(p, 'code-points-crlf-as-one')).toBe(noCrlf.toLfCodePoint(p, 'code-points'));
    // UTF-16 positions of the words after the emoji: utf16 is chosen over either code-point reading.
    const u16 = ['b', 'c', 'd', 'e'].map((w) => ({ start: noCrlf.raw.indexOf(w), end: noCrlf.raw.indexOf(w) + 1, name: w }));
    expect(chooseConvention('MyTool', noCrlf, u16)).toEqual({ convention: 'utf16', overruled: 'code-points' });
  });
});
