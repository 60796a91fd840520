import type { Code } from '@shared/model/records';

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#469990', '#9a6324'];

/** A colour no code has yet, so a new code stands out from the others; cycles once all are used. */
export function nextColor(codes: readonly Code[]): string {
  const used = new Set(codes.map((c) => c.color.toLowerCase()));
  return PALETTE.find((c) => !used.has(c)) ?? PALETTE[codes.length % PALETTE.length] ?? '#4363d8';
}
