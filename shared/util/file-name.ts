/**
 * File names made from what a researcher typed (a project's name): the stem every export of the
 * project starts with. Letters (accents dropped), digits and single dashes, lower case, at most 60
 * characters, never a name Windows reserves; "threadmark-project" when nothing usable is left.
 */

const MAX_STEM = 60;
export const FALLBACK_STEM = 'threadmark-project';

/** CON, PRN, AUX, NUL, COM1–9, LPT1–9: Windows refuses them with any extension ("con.csv"). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    // Combining marks go, so "Réseau" is "reseau", not "re-seau".
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .toLowerCase()
    .slice(0, MAX_STEM)
    .replace(/^-+|-+$/g, '');
  if (stem === '') return FALLBACK_STEM;
  return WINDOWS_RESERVED.test(stem) ? `${stem}-project` : stem;
}
