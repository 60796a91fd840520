import type { Coding, Thread } from '../model/records';

/** Code-unit order: locale-independent, so lists and exports sort the same on every machine. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Threads by import time, then id. */
export const byImportThenId = (a: Thread, b: Thread): number =>
  compareStrings(a.importedAt, b.importedAt) || compareStrings(a.id, b.id);

/** Codings of one post by start, end, then id. */
export const byPosition = (a: Coding, b: Coding): number =>
  a.start - b.start || a.end - b.end || compareStrings(a.id, b.id);
