/**
 * Reading untrusted zip archives (.qdpx) without letting them hurt (docs/reliability.md, "Zip
 * archives (.qdpx)"). zip.js is used because its defaults are the safest measured
 * (docs/decisions/0008-libraries.md): it refuses names that escape a folder and notices sizes
 * that lie. On top of it: our own entry-name rules (no `..`, absolute paths,
 * backslashes, drive letters or NUL, for every entry, read or not), a cap on the number of entries,
 * a cap on the declared size checked before inflating, a count of the bytes actually inflated that
 * stops at the same cap, and a CRC-32 check (`checkCrc32`, zip.js's new name for `checkSignature`).
 * Nothing is inflated unless asked for, and zip.js never starts web workers: it runs in whichever
 * thread calls it (our own import Worker, or Node), and the app's CSP allows no worker it could spawn.
 */
import { Uint8ArrayReader, ZipReader, type Entry } from '@zip.js/zip.js/lib/zip-core-native.js';

import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { formatBytes } from './xml-guard';

export interface ZipEntryInfo {
  /** The name as stored, `/`-separated. */
  name: string;
  directory: boolean;
  /** What the archive says the entry inflates to (it may lie; reading checks). */
  declaredSize: number;
}

export interface SafeZip {
  entries: readonly ZipEntryInfo[];
  /** The entry's bytes, refused without inflating when it declares more than `maxBytes`. */
  read(entry: ZipEntryInfo, maxBytes: number): Promise<Result<Uint8Array, Problem>>;
}

// Per call, never globally: zip.js then decompresses with the platform's DecompressionStream in
// the calling thread, with no worker and no WebAssembly.
const NO_WORKERS = { useWebWorkers: false, useCompressionStream: true } as const;
const CHECKED_READS = { ...NO_WORKERS, checkCrc32: true } as const;

/** Lists every entry, refusing the archive if any name is unsafe or there are too many entries. */
export async function openZip(bytes: Uint8Array, file: string, maxEntries: number): Promise<Result<SafeZip, Problem>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { ...CHECKED_READS, filenameValidation: 'balanced' });
  const found = new Map<ZipEntryInfo, Entry>();
  try {
    for await (const entry of reader.getEntriesGenerator()) {
      if (found.size >= maxEntries) return err({ file, message: `the archive has more than ${maxEntries} entries, more than a REFI-QDA project holds here, so it was not read` });
      const unsafe = unsafeEntryName(entry.filename);
      if (unsafe !== null) return err(unsafeNameProblem(file, entry.filename, unsafe));
      found.set({ name: entry.filename, directory: entry.directory, declaredSize: entry.uncompressedSize }, entry);
    }
  } catch (error) {
    return err(zipFailure(error, file));
  } finally {
    await reader.close();
  }
  return ok({
    entries: [...found.keys()],
    read: (entry, maxBytes) => {
      const zipEntry = found.get(entry);
      if (!zipEntry || zipEntry.directory) return Promise.resolve(err({ file, record: entry.name, message: `${entry.name} is not a file in the archive` }));
      return readEntry(zipEntry, maxBytes, file);
    },
  });
}

/** Why an entry name is unsafe to have in an archive we accept, or null. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'it contains a NUL character';
  if (name.includes('\\')) return 'it contains a backslash, which Windows reads as a folder separator';
  if (name.startsWith('/')) return 'it is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'it starts with a drive letter';
  if (name.split('/').includes('..')) return 'it points outside the archive (..)';
  return null;
}

async function readEntry(entry: Extract<Entry, { directory: false }>, maxBytes: number, file: string): Promise<Result<Uint8Array, Problem>> {
  const tooLarge = (size: string): Problem => ({
    file,
    record: entry.filename,
    message: `${entry.filename} inflates to ${size}, over the ${formatBytes(maxBytes)} limit, so it was not read`,
  });
  if (entry.uncompressedSize > maxBytes) return err(tooLarge(formatBytes(entry.uncompressedSize)));

  const collector = cappedCollector(maxBytes);
  try {
    await entry.getData(collector.sink, { ...CHECKED_READS, signal: collector.signal });
  } catch (error) {
    if (collector.overflowed()) return err(tooLarge(`more than ${formatBytes(maxBytes)}`));
    return err({ ...zipFailure(error, file), record: entry.filename });
  }
  const bytes = collector.bytes();
  return bytes === null ? err(tooLarge(`more than ${formatBytes(maxBytes)}`)) : ok(bytes);
}

/**
 * A sink that keeps at most `maxBytes` and aborts `signal` past them. A header can claim any size:
 * zip.js checks the declared size while inflating, and this counts what really comes out, in case
 * it ever does not.
 */
export function cappedCollector(maxBytes: number): { sink: WritableStream<Uint8Array>; signal: AbortSignal; overflowed(): boolean; bytes(): Uint8Array | null } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const abort = new AbortController();
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      total += chunk.byteLength;
      if (total > maxBytes) abort.abort();
      else chunks.push(chunk);
    },
  });
  return {
    sink,
    signal: abort.signal,
    overflowed: () => abort.signal.aborted,
    bytes: () => (abort.signal.aborted ? null : concat(chunks, total)),
  };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function unsafeNameProblem(file: string, name: string, why: string): Problem {
  return { file, record: name, message: `unsafe entry name "${name}": ${why}. The whole archive is refused` };
}

/** zip.js errors → what a researcher can act on. */
function zipFailure(error: unknown, file: string): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const filename = (error as { filename?: unknown } | null)?.filename;
  if (message === 'Unsafe filename') {
    const name = String(filename ?? '');
    return unsafeNameProblem(file, name, unsafeEntryName(name) ?? 'it would be extracted outside a folder');
  }
  if (/End of central directory not found|File format is not recognized|Central directory header not found/i.test(message)) {
    return { file, message: `not a zip archive, or a truncated one (${message}); a .qdpx file is a zip archive` };
  }
  if (/encrypt|password/i.test(message)) return { file, message: `the archive is encrypted (${message}); export it again without a password` };
  if (/compression method|Unsupported/i.test(message)) return { file, message: `the archive uses a compression Threadmark cannot read (${message})` };
  return { file, message: `the archive is corrupt or has been tampered with: ${message}` };
}
