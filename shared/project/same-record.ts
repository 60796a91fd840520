/**
 * Deep equality of stored records (plain JSON-like data), ignoring key order: a row read back
 * from IndexedDB may list its keys in another order than the object it was written from.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameRecord(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  return keys.length === Object.keys(rb).filter((k) => rb[k] !== undefined).length && keys.every((k) => sameRecord(ra[k], rb[k]));
}
