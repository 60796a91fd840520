/**
 * shared/zip's InflateRaw in Node: zlib's inflateRawSync, the mirror of node-deflate.ts. Node's
 * DecompressionStream is this same zlib wrapped in JS streams, which cost about 0.2 ms of CPU per
 * entry on a .qdpx of a thousand sources (bench/qdpx.ts, docs/performance.md). The guards are the
 * default's: maxOutputLength makes zlib stop with an error at the first chunk past the declared size,
 * so a bomb is refused while it inflates, never held whole; a short stream or a broken one is
 * refused with the default's messages; the caller (zip-entry-data.ts) then checks the CRC-32.
 */
import { constants } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';

import { ok } from '@shared/util/result';
import { invalidSize, invalidStream, type InflateRaw } from '@shared/zip/zip-entry-data';

export const nodeInflateRaw: InflateRaw = (compressed, size) => {
  let inflated: Buffer;
  try {
    // maxOutputLength is at least 1 (zlib's rule): an entry declared empty that inflates to a byte fails the size check below.
    inflated = inflateRawSync(compressed, { maxOutputLength: Math.min(Math.max(size, 1), constants.MAX_LENGTH) });
  } catch (error) {
    const tooLarge = error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    return Promise.resolve(tooLarge ? invalidSize() : invalidStream(error));
  }
  if (inflated.byteLength !== size) return Promise.resolve(invalidSize());
  // A plain Uint8Array, as the default gives: a Buffer's slice() shares bytes where Uint8Array's copies.
  return Promise.resolve(ok(new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength)));
};
