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
}

export function buildZip(entries: readonly TestZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? new TextEncoder().encode(entry.data) : entry.data;
    const method = entry.method === 'store' ? 0 : 8;
    const stored = method === 8 ? new Uint8Array(deflateRawSync(data)) : data;
    const name = new TextEncoder().encode(entry.name);
    const crc = entry.declaredCrc ?? crc32(data);
    const size = entry.declaredSize ?? data.byteLength;
    // Bit 11: the name is UTF-8.
    const common = [[20, 2], [0x0800, 2], [method, 2], [0, 2], [0x21, 2], [crc, 4], [stored.byteLength, 4], [size, 4], [name.byteLength, 2], [0, 2]] as const;
    const local = concat([fields([[0x04034b50, 4], ...common]), name, stored]);
    const central = concat([fields([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), name]);
    locals.push(local);
    centrals.push(central);
    offset += local.byteLength;
  }
  const directory = concat(centrals);
  const end = fields([[0x06054b50, 4], [0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [directory.byteLength, 4], [offset, 4], [0, 2]]);
  return concat([...locals, directory, end]);
}

/** Little-endian integers of the given byte widths. */
function fields(values: ReadonlyArray<readonly [number, 2 | 4]>): Uint8Array {
  const out = new Uint8Array(values.reduce((n, [, width]) => n + width, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, width] of values) {
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value >>> 0, true);
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
