/**
 * An object keyed by names that come from other people's files (code paths, coder pairs) and
 * serialized as JSON. It has no prototype: with `{}`, a code named "__proto__" would set the
 * prototype instead of adding a key, and vanish from the report.
 */
export function nameKeyed<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
