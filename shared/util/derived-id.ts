/**
 * An id computed from other ids, for a record that must be recognisable when made again: the
 * project a coder package opens as is the same project however often the lead prepares it, so
 * re-opening a package finds the coder's earlier work. UUID-shaped (version 8, "custom"), so it
 * fits wherever a random id does; cyrb128, a small non-cryptographic hash, is enough to keep
 * different inputs apart (nothing secret rests on it).
 */
export function derivedId(...parts: readonly string[]): string {
  const hex = cyrb128(parts.join('\u0000'))
    .map((h) => h.toString(16).padStart(8, '0'))
    .join('');
  // Version nibble 8, variant bits 10.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Four 32-bit lanes of a murmur-style mix over the UTF-16 code units. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
