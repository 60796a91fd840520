/**
 * One zip entry's bytes, checked: its local header found where the directory says and agreeing
 * with it, stored (method 0) or inflated (method 8) by the platform's DecompressionStream, never
 * more bytes kept than the directory declares (the inflating stops at the first byte past it), the
 * size then compared with the declared one, and the CRC-32 checked. Encrypted entries and other
 * methods are refused. The caller caps the declared size first (safe-zip.ts). The caller may pass
 * another InflateRaw with the same contract (the CLI passes zlib's, cli/node-inflate.ts).
 */
import { err, ok, type Result } from '../util/result';
import { crc32 } from './crc32';
import { LOCAL_SIGNATURE, type ZipDirectoryEntry, type ZipFailure } from './zip-directory';

/** Compressed bytes are fed in slices this size, so a bomb's output stops near where it passes the declared size. */
const FEED_BYTES = 64 * 1024;
const AES_METHOD = 99;

/**
 * Raw DEFLATE → exactly `size` bytes, or a failure (invalidSize, invalidStream): never holding more
 * than `size` bytes of output, so a bomb is refused while it inflates.
 */
export type InflateRaw = (compressed: Uint8Array, size: number) => Promise<Result<Uint8Array, ZipFailure>>;

export async function zipEntryData(bytes: Uint8Array, entry: ZipDirectoryEntry, inflate: InflateRaw = inflateRaw): Promise<Result<Uint8Array, ZipFailure>> {
  if ((entry.flags & 0x0001) !== 0 || entry.method === AES_METHOD) return err({ kind: 'encrypted', detail: 'the entry is encrypted' });
  if (entry.method !== 0 && entry.method !== 8) return err({ kind: 'unsupported', detail: `uses compression method ${entry.method} (${entry.name})` });
  const start = dataStart(bytes, entry);
  if (!start.ok) return start;
  const end = start.value + entry.compressedSize;
  if (end > bytes.length) return err({ kind: 'not-zip', detail: `${entry.name}: its data runs past the end of the archive` });
  const compressed = bytes.subarray(start.value, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) return invalidSize();
    data = compressed.slice();
  } else {
    const inflated = await inflate(compressed, entry.uncompressedSize);
    if (!inflated.ok) return inflated;
    data = inflated.value;
  }
  return crc32(data) === entry.crc32 ? ok(data) : err({ kind: 'corrupt', detail: 'Invalid CRC32' });
}

/** Where the entry's data begins, after a local header that must agree with the directory. */
function dataStart(bytes: Uint8Array, entry: ZipDirectoryEntry): Result<number, ZipFailure> {
  const at = entry.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) return err({ kind: 'corrupt', detail: `${entry.name}: Local file header not found` });
  const flags = view.getUint16(at + 6, true);
  if ((flags & 0x0001) !== 0) return err({ kind: 'encrypted', detail: 'the entry is encrypted' });
  if (view.getUint16(at + 8, true) !== entry.method) return err({ kind: 'corrupt', detail: `${entry.name}: the local header and the central directory name different compression methods` });
  return ok(at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true));
}

/** The default InflateRaw: the platform's DecompressionStream, fed in slices. */
export async function inflateRaw(compressed: Uint8Array, size: number): Promise<Result<Uint8Array, ZipFailure>> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const ignore = (): void => undefined;
  // Fed while read: a write's promise is not awaited (it settles only once its output is read).
  const feeding = (async () => {
    for (let at = 0; at < compressed.length; at += FEED_BYTES) {
      await writer.ready;
      writer.write(compressed.subarray(at, at + FEED_BYTES)).catch(ignore);
    }
    await writer.close();
  })();
  feeding.catch(ignore);
  const out = new Uint8Array(size);
  let filled = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      if (filled + chunk.value.length > size) {
        await Promise.all([reader.cancel().catch(ignore), writer.abort().catch(ignore)]);
        return invalidSize();
      }
      out.set(chunk.value, filled);
      filled += chunk.value.length;
    }
  } catch (error) {
    writer.abort().catch(ignore);
    return invalidStream(error);
  }
  return filled === size ? ok(out) : invalidSize();
}

/** More or fewer bytes than the directory declares. */
export function invalidSize(): { ok: false; error: ZipFailure } {
  return err({ kind: 'corrupt', detail: 'Invalid uncompressed size' });
}

/** A stream the inflater rejects, with its reason. */
export function invalidStream(error: unknown): { ok: false; error: ZipFailure } {
  return err({ kind: 'corrupt', detail: `the compressed data is invalid (${error instanceof Error ? error.message : String(error)})` });
}
