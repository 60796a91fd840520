/**
 * Reading untrusted zip archives (.qdpx) without letting them hurt (docs/reliability.md, "Zip
 * archives (.qdpx)"). The archive is read by shared/zip: the central directory walked with every
 * offset bounds-checked, ZIP64 read, split archives refused; each entry's local header checked
 * against the directory, stored or inflated by the platform's DecompressionStream, no more bytes kept
 * than declared, the size and CRC-32 compared; encrypted entries and other methods refused. On top:
 * our own entry-name rules (no `..`, absolute paths, backslashes, drive letters or NUL, for every
 * entry, read or not), a cap on the number of entries, and a cap on the declared size checked before
 * inflating (the inflated bytes then stop at the declared size, so at the cap too). Nothing is
 * inflated unless asked for, and it all runs in the calling thread (our import Worker, or Node).
 * zip.js did this until its stream chain was found to be a third of a large .qdpx import
 * (docs/decisions/0008-libraries.md). The inflater may be the caller's (zip-entry-data.ts, InflateRaw).
 */
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { zipDirectory, type ZipDirectoryEntry, type ZipFailure } from '../../zip/zip-directory';
import { zipEntryData, type InflateRaw } from '../../zip/zip-entry-data';
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

/** Lists every entry, refusing the archive if any name is unsafe or there are too many entries. */
export function openZip(bytes: Uint8Array, file: string, maxEntries: number, inflate?: InflateRaw): Promise<Result<SafeZip, Problem>> {
  const found = new Map<ZipEntryInfo, ZipDirectoryEntry>();
  for (const entry of zipDirectory(bytes)) {
    if (!entry.ok) return Promise.resolve(err(zipFailure(entry.error, file)));
    if (found.size >= maxEntries) return Promise.resolve(err({ file, message: `the archive has more than ${maxEntries} entries, more than a REFI-QDA project holds here, so it was not read` }));
    const unsafe = unsafeEntryName(entry.value.name);
    if (unsafe !== null) return Promise.resolve(err(unsafeNameProblem(file, entry.value.name, unsafe)));
    found.set({ name: entry.value.name, directory: entry.value.directory, declaredSize: entry.value.uncompressedSize }, entry.value);
  }
  const read = (entry: ZipEntryInfo, maxBytes: number): Promise<Result<Uint8Array, Problem>> => {
    const zipEntry = found.get(entry);
    if (!zipEntry || zipEntry.directory) return Promise.resolve(err({ file, record: entry.name, message: `${entry.name} is not a file in the archive` }));
    return readEntry(bytes, zipEntry, maxBytes, file, inflate);
  };
  return Promise.resolve(ok({ entries: [...found.keys()], read }));
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

async function readEntry(bytes: Uint8Array, entry: ZipDirectoryEntry, maxBytes: number, file: string, inflate: InflateRaw | undefined): Promise<Result<Uint8Array, Problem>> {
  if (entry.uncompressedSize > maxBytes) return err({ file, record: entry.name, message: `${entry.name} inflates to ${formatBytes(entry.uncompressedSize)}, over the ${formatBytes(maxBytes)} limit, so it was not read` });
  const data = await zipEntryData(bytes, entry, inflate);
  return data.ok ? data : err({ ...zipFailure(data.error, file), record: entry.name });
}

function unsafeNameProblem(file: string, name: string, why: string): Problem {
  return { file, record: name, message: `unsafe entry name "${name}": ${why}. The whole archive is refused` };
}

/** What went wrong in the archive → what a researcher can act on. */
function zipFailure(failure: ZipFailure, file: string): Problem {
  switch (failure.kind) {
    case 'not-zip':
      return { file, message: `not a zip archive, or a truncated one (${failure.detail}); a .qdpx file is a zip archive` };
    case 'encrypted':
      return { file, message: `the archive is encrypted (${failure.detail}); export it again without a password` };
    case 'unsupported':
      return { file, message: `the archive ${failure.detail}, which Threadmark cannot read` };
    case 'corrupt':
      return { file, message: `the archive is corrupt or has been tampered with: ${failure.detail}` };
  }
}
