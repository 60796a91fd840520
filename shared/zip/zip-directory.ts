/**
 * A zip archive's central directory (APPNOTE.TXT 6.3.10 §4.3), read from bytes already in memory:
 * the end record (found from the end, past any comment), its ZIP64 form when a field overflows,
 * then one entry at a time, each bounds-checked before it is read. Nothing is inflated here
 * (zip-entry-data.ts does that). Split archives are refused; names are UTF-8 when the entry says
 * so (flag bit 11) and code page 437 otherwise, as the format says.
 */
import { err, ok, type Result } from '../util/result';

export interface ZipDirectoryEntry {
  name: string;
  directory: boolean;
  /** General purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 name. */
  flags: number;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why an archive or entry cannot be read: the kind decides the words a researcher gets (safe-zip.ts). */
export interface ZipFailure {
  kind: 'not-zip' | 'corrupt' | 'encrypted' | 'unsupported';
  detail: string;
}

export const CENTRAL_SIGNATURE = 0x02014b50;
export const LOCAL_SIGNATURE = 0x04034b50;
export const END_SIGNATURE = 0x06054b50;
export const ZIP64_END_SIGNATURE = 0x06064b50;
export const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_EXTRA = 0x0001;
const SPLIT: ZipFailure = { kind: 'unsupported', detail: 'is split into several parts (a multi-disk archive)' };

interface EndRecord {
  entries: number;
  directoryOffset: number;
  directorySize: number;
  /** Where the directory must end: the ZIP64 end record, or the end record. */
  limit: number;
}

/**
 * Every entry of the central directory, in order, as results: the first failure ends the walk.
 * A generator, so a caller stops at its own entry cap without the rest being read.
 */
export function* zipDirectory(bytes: Uint8Array): Generator<Result<ZipDirectoryEntry, ZipFailure>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(bytes, view);
  if (!end.ok) {
    yield end;
    return;
  }
  const { entries, directoryOffset, directorySize, limit } = end.value;
  if (directoryOffset + directorySize > limit) {
    yield truncated('Central directory header not found: the directory runs past the end of the archive');
    return;
  }
  let at = directoryOffset;
  const stop = directoryOffset + directorySize;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > stop || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      yield truncated(`Central directory header not found for entry ${index + 1} of ${entries}`);
      return;
    }
    const entry = centralEntry(bytes, view, at, stop);
    if (!entry.ok) {
      yield entry;
      return;
    }
    yield ok(entry.value.entry);
    at = entry.value.next;
  }
  if (at !== stop) yield corrupt(`the central directory holds more than the ${entries} entries its end record counts`);
}

function endRecord(bytes: Uint8Array, view: DataView): Result<EndRecord, ZipFailure> {
  let at = -1;
  for (let i = bytes.length - END_SIZE; i >= Math.max(0, bytes.length - END_SIZE - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_SIGNATURE && i + END_SIZE + view.getUint16(i + 20, true) <= bytes.length) {
      at = i;
      break;
    }
  }
  if (at === -1) return err({ kind: 'not-zip', detail: 'End of central directory not found' });
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) return err(SPLIT);
  const entries = view.getUint16(at + 10, true);
  const directorySize = view.getUint32(at + 12, true);
  const directoryOffset = view.getUint32(at + 16, true);
  const plain = ok({ entries, directoryOffset, directorySize, limit: at });
  if (entries !== 0xffff && directorySize !== 0xffffffff && directoryOffset !== 0xffffffff) return plain;
  // A field at its maximum: the real value is in the ZIP64 end record, unless there is none and the value is exact.
  return at >= 20 && view.getUint32(at - 20, true) === ZIP64_LOCATOR_SIGNATURE ? zip64EndRecord(view, at) : plain;
}

/** The ZIP64 end record, through its locator just before the end record (§4.3.14, §4.3.15). */
function zip64EndRecord(view: DataView, endAt: number): Result<EndRecord, ZipFailure> {
  const locator = endAt - 20;
  const at = uint64(view, locator + 8);
  if (at === null || at + 56 > locator || view.getUint32(at, true) !== ZIP64_END_SIGNATURE) return corrupt('End of Zip64 central directory not found');
  if (view.getUint32(at + 16, true) !== 0 || view.getUint32(at + 20, true) !== 0) return err(SPLIT);
  const entries = uint64(view, at + 32);
  const directorySize = uint64(view, at + 40);
  const directoryOffset = uint64(view, at + 48);
  if (entries === null || directorySize === null || directoryOffset === null) return corrupt('a Zip64 size is past what an archive in memory can hold');
  return ok({ entries, directoryOffset, directorySize, limit: at });
}

function centralEntry(bytes: Uint8Array, view: DataView, at: number, stop: number): Result<{ entry: ZipDirectoryEntry; next: number }, ZipFailure> {
  const flags = view.getUint16(at + 8, true);
  const method = view.getUint16(at + 10, true);
  const crc32 = view.getUint32(at + 16, true);
  let compressedSize = view.getUint32(at + 20, true);
  let uncompressedSize = view.getUint32(at + 24, true);
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  let disk = view.getUint16(at + 34, true);
  const externalAttributes = view.getUint32(at + 38, true);
  let localHeaderOffset = view.getUint32(at + 42, true);
  const next = at + 46 + nameLength + extraLength + commentLength;
  if (next > stop) return corrupt('a central directory entry runs past the directory');
  const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x0800) !== 0);

  // ZIP64 extended information (§4.5.3): present, in this order, for each field that overflowed.
  if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff || disk === 0xffff) {
    const extra = findExtra(view, at + 46 + nameLength, extraLength, ZIP64_EXTRA);
    if (extra === null) return corrupt(`${name}: Zip64 extended information not found`);
    let field = extra.start;
    const take = (): number | null => {
      if (field + 8 > extra.end) return null;
      const value = uint64(view, field);
      field += 8;
      return value;
    };
    if (uncompressedSize === 0xffffffff) uncompressedSize = take() ?? -1;
    if (compressedSize === 0xffffffff) compressedSize = take() ?? -1;
    if (localHeaderOffset === 0xffffffff) localHeaderOffset = take() ?? -1;
    if (disk === 0xffff) disk = field + 4 <= extra.end ? view.getUint32(field, true) : -1;
    if (uncompressedSize < 0 || compressedSize < 0 || localHeaderOffset < 0 || disk < 0) return corrupt(`${name}: Zip64 extended information is too short`);
  }
  if (disk !== 0) return err(SPLIT);
  // MS-DOS directory attribute, or a name ending in `/` (§4.3.12: how directories are stored).
  const directory = name.endsWith('/') || ((externalAttributes & 0x10) !== 0 && uncompressedSize === 0);
  return ok({ entry: { name, directory, flags, method, crc32, compressedSize, uncompressedSize, localHeaderOffset }, next });
}

/** The data of the extra field with this id, or null. */
export function findExtra(view: DataView, start: number, length: number, id: number): { start: number; end: number } | null {
  const end = start + length;
  for (let at = start; at + 4 <= end; ) {
    const size = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) === id) return at + 4 + size <= end ? { start: at + 4, end: at + 4 + size } : null;
    at += 4 + size;
  }
  return null;
}

/** An unsigned 64-bit little-endian integer, or null past 2^53 (no archive in memory is that big). */
function uint64(view: DataView, at: number): number | null {
  const high = view.getUint32(at + 4, true);
  return high >= 0x200000 ? null : high * 0x1_0000_0000 + view.getUint32(at, true);
}

// Code page 437's upper half (what a zip name without the UTF-8 flag is in).
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const utf8 = new TextDecoder('utf-8');

function decodeName(raw: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(raw);
  let name = '';
  for (const byte of raw) name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]!;
  return name;
}

function corrupt(detail: string): { ok: false; error: ZipFailure } {
  return err({ kind: 'corrupt', detail });
}

function truncated(detail: string): { ok: false; error: ZipFailure } {
  return err({ kind: 'not-zip', detail });
}
