import { describe, expect, it } from 'vitest';

import demo from '../../resources/demo/demo-project.threadmark.json' with { type: 'json' };
import { blend, contrastRatio, DEFAULT_ALPHA, highlightPaint, luminance, parseHex, readableAlpha, visibleOn } from './highlight-colour';

const INK = '#1d1d1f';
const FOCUSED_PAGE = '#f3f6ff';

/** Naive: the text's contrast on the colour painted at `alpha` over `page`, straight from the WCAG formulas. */
function naiveContrast(text: string, color: string, alpha: number, page: string): number {
  const channel = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  const lum = (rgb: number[]) => {
    const [r, g, b] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const painted = [0, 1, 2].map((i) => Math.round(channel(color, i) * alpha + channel(page, i) * (1 - alpha)));
  const a = lum([0, 1, 2].map((i) => channel(text, i)));
  const b = lum(painted);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const EXTREMES = ['#000000', '#0000ff', '#ffff00', '#ff0000', '#00ff00', '#ffffff', '#000075', '#3f00ff'];
const DEMO = (demo as { codes: { color: string }[] }).codes.map((c) => c.color);

describe('highlight colour', () => {
  it('computes WCAG luminance and contrast', () => {
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1, 10);
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toBeCloseTo(21, 6);
    // The WCAG reference grey: #767676 on white is 4.54:1.
    expect(contrastRatio(parseHex('#767676')!, parseHex('#fff')!)).toBeCloseTo(4.54, 2);
    expect(parseHex('#ABC')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc });
    expect(parseHex('red')).toBeNull();
  });

  it.each([...DEMO, ...EXTREMES])('keeps the app’s ink at 4.5:1 over %s on both post backgrounds', (color) => {
    const paint = highlightPaint(color);
    for (const page of ['#ffffff', FOCUSED_PAGE]) expect(naiveContrast(INK, color, paint.alpha, page)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the demo colours the full tint (they already pass)', () => {
    for (const color of DEMO) expect(highlightPaint(color)).toMatchObject({ alpha: DEFAULT_ALPHA, style: 'tint' });
  });

  it.each(EXTREMES)('finds the strongest readable tint of %s under lighter text', (color) => {
    // Grey text (5.7:1 on white) leaves little room: the alpha is cut, and only just.
    const text = '#6a6a6a';
    const alpha = readableAlpha(parseHex(color)!, parseHex(text)!, parseHex('#ffffff')!);
    expect(alpha).toBeLessThanOrEqual(DEFAULT_ALPHA);
    expect(naiveContrast(text, color, alpha, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    if (alpha < DEFAULT_ALPHA) expect(naiveContrast(text, color, alpha + 0.02, '#ffffff')).toBeLessThan(4.5);
  });

  it('cuts black, blue and yellow differently: dark colours bear the least', () => {
    // The app's muted grey (#5b5b66, 6.4:1 on white).
    const text = parseHex('#5b5b66')!;
    const white = parseHex('#ffffff')!;
    const black = readableAlpha(parseHex('#000000')!, text, white);
    const blue = readableAlpha(parseHex('#0000ff')!, text, white);
    const yellow = readableAlpha(parseHex('#ffff00')!, text, white);
    expect(black).toBeLessThan(blue);
    expect(blue).toBeLessThan(yellow);
    expect(yellow).toBe(DEFAULT_ALPHA);
  });

  it('falls back to an underline when no visible tint is readable', () => {
    // #767676 is just 4.54:1 on white: any dark tint breaks it.
    const paint = highlightPaint('#000000', '#767676', '#ffffff');
    expect(paint).toMatchObject({ style: 'underline', alpha: 0, background: 'transparent' });
    expect(highlightPaint('#ffff00', '#5b5b66', '#ffffff').style).toBe('tint');
  });

  it('darkens an underline that would vanish on the page (yellow) and keeps one that shows', () => {
    const white = parseHex('#ffffff')!;
    const yellow = visibleOn(parseHex('#ffe119')!, white);
    expect(contrastRatio(yellow, white)).toBeGreaterThanOrEqual(3);
    expect(visibleOn(parseHex('#000075')!, white)).toEqual(parseHex('#000075'));
    expect(highlightPaint('#000075').underline).toBe('#000075');
  });

  it('blends like the browser paints', () => {
    expect(blend({ r: 255, g: 0, b: 0 }, 0.5, { r: 255, g: 255, b: 255 })).toEqual({ r: 255, g: 128, b: 128 });
  });
});
