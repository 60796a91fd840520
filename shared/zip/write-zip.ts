/**
 * A zip archive (APPNOTE.TXT 6.3.10) from entries in memory: each deflated (stored instead when
 * that does not make it smaller) by the caller's DeflateRaw, the platform's CompressionStream unless
 * another is given (Node's web stream wraps zlib in JS, so the CLI passes zlib itself), a local header before its
 * data, the central directory, and the end record; a ZIP64 end record is added from 65,535
 * entries on. Names are UTF-8 (flag bit 11). Every entry carries the same time, the caller's, so the
 * same entries give the same bytes. An archive that would pass 4 GB is refused, named.
 */
import { err, ok, type Result } from '../util/result';
import { crc32 } from './crc32';
import { deflatedOfGzipMember } from './gzip-member';
import { CENTRAL_SIGNATURE, END_SIGNATURE, LOCAL_SIGNATURE, ZIP64_END_SIGNATURE, ZIP64_LOCATOR_SIGNATURE } from './zip-directory';

export interface ZipWriteEntry {
  name: string;
  data: Uint8Array;
}

const UTF8_NAME = 0x0800;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES_16 = 0xffff;
// Made by Unix (3), version 2.0: unzip then keeps UTF-8 names as they are and takes the file mode below.
const UNIX_2_0 = (3 << 8) | 20;
/** A regular file, rw-r--r--, in the high half (Unix mode), as zip tools write it. */
const REGULAR_FILE_644 = 0o100644 * 0x10000;

interface Written {
  name: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
  stored: Uint8Array;
  offset: number;
}

/** An entry's raw DEFLATE (RFC 1951, no header) and the CRC-32 of the bytes it was made from. */
export interface Deflated {
  bytes: Uint8Array;
  crc: number;
}

/** The port shared/ is given by its runtime: zlib gives the CRC with the deflate, natively. */
export type DeflateRaw = (data: Uint8Array) => Promise<Deflated>;

/**
 * `entries` are taken one at a time (a generator can make each only when it is wanted, so only
 * the compressed bytes of the ones before are held). `modifiedAt`: an ISO time, written as every
 * entry's MS-DOS date and time (UTC; 1980 at the earliest).
 */
export async function writeZip(entries: Iterable<ZipWriteEntry>, modifiedAt: string, deflate: DeflateRaw = platformDeflate): Promise<Result<Uint8Array, string>> {
  const encoder = new TextEncoder();
  const [time, date] = dosDateTime(modifiedAt);
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { bytes: deflated, crc } = entry.data.length === 0 ? { bytes: entry.data, crc: 0 } : await deflate(entry.data);
    const method = deflated.length < entry.data.length ? 8 : 0;
    const name = encoder.encode(entry.name);
    written.push({ name, method, crc, size: entry.data.length, stored: method === 8 ? deflated : entry.data, offset });
    offset += 30 + name.length + (method === 8 ? deflated.length : entry.data.length);
  }
  const directorySize = written.reduce((n, w) => n + 46 + w.name.length, 0);
  const zip64 = written.length >= MAX_ENTRIES_16;
  const total = offset + directorySize + (zip64 ? 56 + 20 : 0) + 22;
  if (total > MAX_32 || written.some((w) => w.size > MAX_32)) return err(`the archive would be ${Math.ceil(total / 2 ** 30)} GB, past the 4 GB a zip without ZIP64 sizes holds: export fewer threads`);

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number): void => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number): void => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  };
  const u64 = (value: number): void => {
    u32(value % 0x1_0000_0000);
    u32(Math.floor(value / 0x1_0000_0000));
  };
  const common = (w: Written): void => {
    u16(20); // version needed: 2.0 (deflate)
    u16(UTF8_NAME);
    u16(w.method);
    u16(time);
    u16(date);
    u32(w.crc);
    u32(w.stored.length);
    u32(w.size);
    u16(w.name.length);
    u16(0); // extra field length
  };
  for (const w of written) {
    u32(LOCAL_SIGNATURE);
    common(w);
    out.set(w.name, at);
    at += w.name.length;
    out.set(w.stored, at);
    at += w.stored.length;
  }
  const directoryOffset = at;
  for (const w of written) {
    u32(CENTRAL_SIGNATURE);
    u16(UNIX_2_0); // made by
    common(w);
    u16(0); // comment length
    u16(0); // disk
    u16(0); // internal attributes
    u32(REGULAR_FILE_644);
    u32(w.offset);
    out.set(w.name, at);
    at += w.name.length;
  }
  if (zip64) {
    const recordAt = at;
    u32(ZIP64_END_SIGNATURE);
    u64(44); // the record's size after this field
    u16((3 << 8) | 45); // made by: Unix, 4.5 (ZIP64)
    u16(45); // needed
    u32(0);
    u32(0);
    u64(written.length);
    u64(written.length);
    u64(directorySize);
    u64(directoryOffset);
    u32(ZIP64_LOCATOR_SIGNATURE);
    u32(0);
    u64(recordAt);
    u32(1); // disks
  }
  u32(END_SIGNATURE);
  u16(0);
  u16(0);
  u16(Math.min(written.length, MAX_ENTRIES_16));
  u16(Math.min(written.length, MAX_ENTRIES_16));
  u32(directorySize);
  u32(directoryOffset);
  u16(0); // comment length
  return ok(out);
}

/**
 * The default port: the platform's CompressionStream in gzip form, whose trailer holds the CRC-32
 * its zlib summed natively (summing it here in JavaScript was a second pass over every byte).
 */
export async function platformDeflate(data: Uint8Array): Promise<Deflated> {
  const deflated = deflatedOfGzipMember(await compress(data, 'gzip'), data.length);
  // A platform whose gzip header carries more than zlib's plain 10 bytes: deflate again, sum here.
  return deflated ?? { bytes: await deflateRaw(data), crc: crc32(data) };
}

/** Raw DEFLATE by the platform's CompressionStream (its default level) of `data`. */
export function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  return compress(data, 'deflate-raw');
}

async function compress(data: Uint8Array, format: 'gzip' | 'deflate-raw'): Promise<Uint8Array> {
  const stream = new CompressionStream(format);
  const writer = stream.writable.getWriter();
  const written = writer.write(data).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    chunks.push(chunk.value);
    total += chunk.value.length;
  }
  await written;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** [time, date] in MS-DOS form, from the ISO time's UTC fields. */
export function dosDateTime(iso: string): [number, number] {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime()) || when.getUTCFullYear() < 1980) return [0, (1 << 5) | 1];
  const year = Math.min(when.getUTCFullYear(), 2107) - 1980;
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = (year << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  return [time, date];
}
