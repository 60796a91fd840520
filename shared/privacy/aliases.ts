/**
 * Readable aliases ("Author 0417") for the people of a project, derived from the project's secret:
 * an identity's number comes from HMAC-SHA-256(secret, identity key), so the same person gets the
 * same alias in every export of the project, the app and the CLI alike, and nobody without the
 * secret can find whose alias it is by hashing names they know (docs/decisions/0010-pseudonym-aliases.md).
 *
 * Two identities wanting one number: the one whose HMAC sorts first keeps it, the other takes the
 * next free number. The width grows (5 digits past 2,000 people, …) so numbers stay sparse.
 */
import { fromHex, hmacSha256, sha256, toHex } from './sha256';

export const ALIAS_PREFIX = 'Author';

export interface AliasTable {
  /** identity key → alias */
  readonly aliases: ReadonlyMap<string, string>;
  of(key: string): string | undefined;
}

/** A secret is 32 to 128 hex digits (16 to 64 bytes). */
export const SECRET_PATTERN = /^[0-9a-f]{32,128}$/;

/**
 * A new project secret from two fresh ids (in the app and CLI, UUID v4s: 244 random bits) hashed to
 * 64 hex digits, so shared/ needs no random source of its own and tests stay deterministic.
 */
export function secretFromIds(newId: () => string): string {
  return toHex(sha256(new TextEncoder().encode(`${newId()}\u0000${newId()}`)));
}

function widthFor(count: number): number {
  let width = 4;
  while (count * 5 > 10 ** width) width++;
  return width;
}

export function assignAliases(secret: string, keys: Iterable<string>): AliasTable {
  const secretBytes = fromHex(secret);
  if (secretBytes === null || !SECRET_PATTERN.test(secret)) throw new Error('a project secret is 32 to 128 lowercase hex digits');
  const encoder = new TextEncoder();
  const unique = [...new Set(keys)];
  const width = widthFor(unique.length);
  const space = 10 ** width;
  const digests = unique.map((key) => ({ key, digest: toHex(hmacSha256(secretBytes, encoder.encode(key))) }));
  digests.sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  const taken = new Set<number>();
  const aliases = new Map<string, string>();
  for (const { key, digest } of digests) {
    // 48 bits of the digest, well inside a double's exact range.
    let n = parseInt(digest.slice(0, 12), 16) % space;
    while (taken.has(n)) n = (n + 1) % space;
    taken.add(n);
    aliases.set(key, `${ALIAS_PREFIX} ${String(n).padStart(width, '0')}`);
  }
  return { aliases, of: (key) => aliases.get(key) };
}
