/**
 * Builds zip archives byte by byte for tests, so hostile ones are possible: names a zip tool would
 * refuse to write, sizes and CRCs that lie, entries inflating to far more than they declare.
 */
// eslint-disable-next-line no-restricted-imports -- test-only: deflate and CRC-32 from Node
import { crc32, deflateRawSync } from 'node:zlib';

export interface TestZipEntry {
  name: string;
  data: Uint8Array | string;
  /** Deflate (default) or store. */
  method?: 'deflate' | 'store';
  /** What both headers claim the entry inflates to (default: the truth). */
  declaredSize?: number;
  /** What both headers claim the CRC-32 is (default: the truth). */
  declaredCrc?: number;
  /** General purpose flags (default: bit 11, a UTF-8 name); bit 0 marks the entry encrypted. */
  flags?: number;
  /** A compression method number written as is, whatever `method` says the data is. */
  methodNumber?: number;
  /** The name's bytes as written (e.g. code page 437), instead of the UTF-8 of `name`. */
  rawName?: Uint8Array;
}

export interface TestZipOptions {
  /** Sizes and offsets in ZIP64 extra fields, and a ZIP64 end record and locator (APPNOTE §4.3.14). */
  zip64?: boolean;
}

export function buildZip(entries: readonly TestZipEntry[], options: TestZipOptions = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const wide = options.zip64 === true;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? new TextEncoder().encode(entry.data) : entry.data;
    const method = entry.method === 'store' ? 0 : 8;
    const stored = method === 8 ? new Uint8Array(deflateRawSync(data)) : data;
    const name = entry.rawName ?? new TextEncoder().encode(entry.name);
    const crc = entry.declaredCrc ?? crc32(data);
    const size = entry.declaredSize ?? data.byteLength;
    // Bit 11: the name is UTF-8.
    const flags = entry.flags ?? 0x0800;
    const max = 0xffffffff;
    const localExtra = wide ? fields([[1, 2], [16, 2], [size, 8], [stored.byteLength, 8]]) : new Uint8Array(0);
    const centralExtra = wide ? fields([[1, 2], [24, 2], [size, 8], [stored.byteLength, 8], [offset, 8]]) : new Uint8Array(0);
    const common = (extra: Uint8Array) =>
      [[wide ? 45 : 20, 2], [flags, 2], [entry.methodNumber ?? method, 2], [0, 2], [0x21, 2], [crc, 4], [wide ? max : stored.byteLength, 4], [wide ? max : size, 4], [name.byteLength, 2], [extra.byteLength, 2]] as const;
    const local = concat([fields([[0x04034b50, 4], ...common(localExtra)]), name, localExtra, stored]);
    const central = concat([fields([[0x02014b50, 4], [20, 2], ...common(centralExtra), [0, 2], [0, 2], [0, 2], [0, 4], [wide ? max : offset, 4]]), name, centralExtra]);
    locals.push(local);
    centrals.push(central);
    offset += local.byteLength;
  }
  const directory = concat(centrals);
  if (!wide) {
    const end = fields([[0x06054b50, 4], [0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [directory.byteLength, 4], [offset, 4], [0, 2]]);
    return concat([...locals, directory, end]);
  }
  const recordAt = offset + directory.byteLength;
  const record = fields([[0x06064b50, 4], [44, 8], [45, 2], [45, 2], [0, 4], [0, 4], [entries.length, 8], [entries.length, 8], [directory.byteLength, 8], [offset, 8]]);
  const locator = fields([[0x07064b50, 4], [0, 4], [recordAt, 8], [1, 4]]);
  const end = fields([[0x06054b50, 4], [0, 2], [0, 2], [0xffff, 2], [0xffff, 2], [0xffffffff, 4], [0xffffffff, 4], [0, 2]]);
  return concat([...locals, directory, record, locator, end]);
}

/** Little-endian integers of the given byte widths. */
function fields(values: ReadonlyArray<readonly [number, 2 | 4 | 8]>): Uint8Array {
  const out = new Uint8Array(values.reduce((n, [, width]) => n + width, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, width] of values) {
    if (width === 2) view.setUint16(at, value, true);
    else if (width === 4) view.setUint32(at, value >>> 0, true);
    else view.setBigUint64(at, BigInt(value), true);
    at += width;
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
