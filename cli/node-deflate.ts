/**
 * shared/zip's DeflateRaw in Node: zlib on the thread pool, at zlib's default level (the level of
 * Node's CompressionStream, so the bytes are the same). A gzip member is that same raw DEFLATE
 * between a 10-byte header and a trailer holding the CRC-32 and length (RFC 1952), so one gzip
 * gives both, the CRC summed by zlib's native code. On a large .qdpx the web stream (zlib wrapped in
 * JS streams) and the CRC in JS were about a second of CPU (bench/qdpx.ts, docs/performance.md).
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

import type { DeflateRaw } from '@shared/zip/write-zip';

const gzipAsync = promisify(gzip);
/** zlib writes no name, comment or extra field: the header is always the fixed 10 bytes. */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

export const nodeDeflateRaw: DeflateRaw = async (data) => {
  const member = await gzipAsync(data);
  const view = new DataView(member.buffer, member.byteOffset, member.byteLength);
  const crc = view.getUint32(member.byteLength - GZIP_TRAILER, true);
  const bytes = new Uint8Array(member.buffer, member.byteOffset + GZIP_HEADER, member.byteLength - GZIP_HEADER - GZIP_TRAILER);
  return { bytes, crc };
};
