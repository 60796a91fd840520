import type { Code } from '@shared/model/records';

const COLOR = /^#[0-9a-f]{6}$/i;

const nameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** Trimmed, non-empty, and unique among its siblings ignoring case; returns the trimmed name. */
export function checkCodeName(
  name: string,
  parentId: string | null,
  codes: readonly Code[],
  selfId?: string,
): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A code needs a name.');
  const key = nameKey(trimmed);
  const clash = codes.find(
    (c) => c.parentId === parentId && c.id !== selfId && nameKey(c.name) === key,
  );
  if (clash) {
    const where = parentId === null ? 'at the top level' : 'under the same parent';
    throw new Error(`A code named "${clash.name}" already exists ${where}.`);
  }
  return trimmed;
}

/** "#rrggbb", stored lower-case. */
export function checkCodeColor(color: string): string {
  if (!COLOR.test(color)) throw new Error(`Colour "${color}" is not of the form #rrggbb.`);
  return color.toLowerCase();
}
