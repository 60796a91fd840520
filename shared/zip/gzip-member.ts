/**
 * The raw DEFLATE and CRC-32 inside a gzip member (RFC 1952): a 10-byte header when its flags are
 * 0 (no name, comment or extra field, as zlib writes it), the DEFLATE data, then the CRC-32 and the
 * input's length mod 2^32. A platform's gzip thus gives a zip entry's data and its CRC, summed
 * natively, in one call. Null when the member is not of that plain form or not of `inputLength`.
 */
import type { Deflated } from './write-zip';

const HEADER = 10;
const TRAILER = 8;

export function deflatedOfGzipMember(member: Uint8Array, inputLength: number): Deflated | null {
  if (member.length < HEADER + TRAILER) return null;
  if (member[0] !== 0x1f || member[1] !== 0x8b || member[2] !== 8 || member[3] !== 0) return null;
  const view = new DataView(member.buffer, member.byteOffset, member.byteLength);
  if (view.getUint32(member.length - 4, true) !== inputLength >>> 0) return null;
  return { bytes: member.subarray(HEADER, member.length - TRAILER), crc: view.getUint32(member.length - TRAILER, true) };
}
