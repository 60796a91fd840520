/**
 * Highlight colours that keep post text readable whatever colour a researcher picks for a code
 * (WCAG AA: 4.5:1 between the text and the highlighted background). The highlight is the code's
 * colour laid over the page at some opacity; the darker or more saturated the colour, the less
 * opacity the text can bear. When so little is left that the tint would hardly show, the
 * highlight becomes an underline only.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface HighlightPaint {
  /** The background: the colour at `alpha` as rgba(); transparent in underline style. */
  background: string;
  alpha: number;
  /** The underline: the code's colour, darkened until it stands out from the page (3:1). */
  underline: string;
  /** No tint: the colour is too dark to lie under text, the underline alone marks the span. */
  style: 'tint' | 'underline';
}

/** WCAG AA for body text. */
export const TEXT_CONTRAST = 4.5;
/** WCAG AA for graphical marks (the underline). */
const MARK_CONTRAST = 3;
/** The tint's opacity when the colour allows it: strong enough to see, light enough to read through. */
export const DEFAULT_ALPHA = 0.35;
/** Below this a tint is hardly visible: an underline says more. */
export const MIN_TINT_ALPHA = 0.12;

const INK = '#1d1d1f';
/** The focused post's background, the darker of a post's two: a tint readable there is readable on white. */
const PAGE = '#f3f6ff';
const FALLBACK: Rgb = { r: 153, g: 153, b: 153 };

/** `#rgb` or `#rrggbb` (case-insensitive); anything else is null. */
export function parseHex(color: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1] as string;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16) };
}

/** WCAG 2 relative luminance of an sRGB colour (channels 0–255). */
export function luminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` at opacity `alpha` over the opaque `under` (what the browser paints). */
export function blend(top: Rgb, alpha: number, under: Rgb): Rgb {
  const mix = (t: number, u: number) => Math.round(t * alpha + u * (1 - alpha));
  return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b) };
}

/**
 * The greatest opacity (at most `DEFAULT_ALPHA`) at which `text` on `color` over `page` keeps
 * 4.5:1. Contrast falls steadily as opacity rises (the blend moves away from the page towards the
 * colour), so a bisection finds the edge; 0 when even a faint tint would not do.
 */
export function readableAlpha(color: Rgb, text: Rgb, page: Rgb, max = DEFAULT_ALPHA): number {
  const ok = (alpha: number) => contrastRatio(text, blend(color, alpha, page)) >= TEXT_CONTRAST;
  if (ok(max)) return max;
  if (!ok(0)) return 0;
  let lo = 0;
  let hi = max;
  for (let i = 0; i < 20; i += 1) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  // Two decimals, rounded down: the painted colour never crosses the edge.
  return Math.floor(lo * 100) / 100;
}

/** The colour darkened towards black until it stands 3:1 against the page (yellow on white does not). */
export function visibleOn(color: Rgb, page: Rgb): Rgb {
  let shade = color;
  for (let k = 0; k <= 20 && contrastRatio(shade, page) < MARK_CONTRAST; k += 1) shade = blend({ r: 0, g: 0, b: 0 }, k / 20, color);
  return shade;
}

const hex = ({ r, g, b }: Rgb) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** How a code's highlight is painted under `text` (the ink) on `page` (the post's background). */
export function highlightPaint(color: string, text: string = INK, page: string = PAGE): HighlightPaint {
  const rgb = parseHex(color) ?? FALLBACK;
  const ink = parseHex(text) ?? { r: 0, g: 0, b: 0 };
  const ground = parseHex(page) ?? { r: 255, g: 255, b: 255 };
  const alpha = readableAlpha(rgb, ink, ground);
  const underline = hex(visibleOn(rgb, ground));
  if (alpha < MIN_TINT_ALPHA) return { background: 'transparent', alpha: 0, underline, style: 'underline' };
  return { background: `rgba(${rgb.r}, ${rgb.g}, ${rgb.b}, ${alpha})`, alpha, underline, style: 'tint' };
}
