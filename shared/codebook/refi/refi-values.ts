/**
 * REFI-QDA attribute values as other tools write them → the forms Threadmark stores. Readers are
 * lenient (docs/refi-qda.md, "What other tools write"); the writer only ever produces the strict
 * forms ("Writing a valid `.qdc`").
 */

const GUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/**
 * Lower-case, hyphenated, unbraced; null when the value is not a GUID. Accepts the spec's braced
 * form, upper case (ATLAS.ti, Taguette) and the 32-digit form without hyphens.
 */
export function normalizeGuid(value: string): string | null {
  // Most GUIDs (every one Threadmark writes) are already normal: no match array, no new string.
  if (isCanonicalGuid(value)) return value;
  const text = value.trim();
  const match = GUID.exec(text);
  if (!match || text.startsWith('{') !== text.endsWith('}')) return null;
  return match.slice(1, 6).join('-').toLowerCase();
}

/**
 * `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, by character codes: a large
 * .qdpx export or import asks this of a million GUIDs, and the regular expression was a second of it.
 */
function isCanonicalGuid(value: string): boolean {
  if (value.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = value.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

export type ColorReading = { color: string; note: string | null } | null;

const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB_FUNCTION = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+%?\s*)?\)$/i;

/**
 * `#rrggbb` from `#RGB`, `#RRGGBB`, `#RRGGBBAA` (alpha dropped, with a note) or `rgb(r, g, b)`,
 * which files in the wild contain; null for anything else.
 */
export function normalizeColor(value: string): ColorReading {
  const text = value.trim();
  const hex = HEX_COLOR.exec(text);
  if (hex) {
    const digits = hex[1]!.toLowerCase();
    if (digits.length === 3) return { color: `#${[...digits].map((d) => d + d).join('')}`, note: null };
    if (digits.length === 6) return { color: `#${digits}`, note: null };
    return { color: `#${digits.slice(0, 6)}`, note: `its transparency (${text}) was dropped` };
  }
  const rgb = RGB_FUNCTION.exec(text);
  if (rgb) {
    const channels = rgb.slice(1, 4).map(Number);
    if (channels.some((c) => c > 255)) return null;
    return { color: `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`, note: null };
  }
  return null;
}

/** The codebook panel's palette (renderer/features/codebook): codes without a colour cycle through it. */
export const DEFAULT_CODE_COLORS: readonly string[] = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#469990', '#9a6324'];

/** The colour for the n-th code (document order) of a file that gives none: the same on every import. */
export function defaultCodeColor(index: number): string {
  return DEFAULT_CODE_COLORS[index % DEFAULT_CODE_COLORS.length]!;
}

/** xsd:boolean (`true|false|1|0`), read case-insensitively because some tools write `True`; null otherwise. */
export function parseXsdBoolean(value: string): boolean | null {
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}
