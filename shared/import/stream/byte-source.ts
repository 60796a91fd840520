/**
 * A file to import, however it is stored: node:fs for the CLI, a File/Blob in the app's Worker,
 * memory in tests. Reading is async and chunked so a big file is never one string.
 */
export interface ByteSource {
  /** Shown in every problem: the file's name or path. */
  readonly name: string;
  readonly size: number;
  /** The first `maxBytes` bytes (fewer when the file is shorter). */
  head(maxBytes: number): Promise<Uint8Array>;
  /** The whole file, for formats that are parsed as one document. */
  bytes(): Promise<Uint8Array>;
  /** The file in order, in chunks of any size. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** How far reading has got, for progress bars: bytes of this file read so far. */
export type ReadProgress = (bytesRead: number) => void;

/** Checked between chunks; set by Cancel (one definition, in shared/util/cancelled.ts). */
export { NEVER_CANCELLED, type CancelSignal } from '../../util/cancelled';

/** A ByteSource over bytes in memory (tests, small files already read). */
export function memorySource(name: string, data: Uint8Array | string, chunkSize = 64 * 1024): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.length,
    head: async (maxBytes) => bytes.subarray(0, maxBytes),
    bytes: async () => bytes,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    },
  };
}
