/**
 * File access for `threadmark import`, which needs more than CliIo: bytes (decodeText reports
 * encoding errors by byte offset), chunked reads (a big NDJSON is never one string) and a chunked
 * atomic write (a million-post bundle is longer than the longest string V8 can build).
 * The node version streams through node:fs; any other CliIo (tests' memory io) is adapted.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';

import { writeFileAtomic } from '../../node/fs/write-file-atomic';
import type { CliIo } from '../io';
import { nodeIo } from '../node-io';

export interface ImportIo extends CliIo {
  readBytes(path: string): Promise<Uint8Array>;
  fileSize(path: string): Promise<number>;
  /** The first `maxBytes` bytes (fewer when the file is shorter). */
  readHead(path: string, maxBytes: number): Promise<Uint8Array>;
  readChunks(path: string, options?: ReadChunksOptions): AsyncIterable<Uint8Array>;
  /** Writes the concatenated chunks atomically (node/fs/write-file-atomic.ts): the old file or the whole new one. */
  writeChunks(path: string, chunks: Iterable<string>): Promise<void>;
}

export interface ReadChunksOptions {
  /**
   * Every chunk is a view of one buffer, overwritten by the next: for a reader that copies what it
   * keeps. Fresh pages cost more than the read on a big file (1 GB of them for a 1 GB file).
   */
  reuseBuffer?: boolean;
  /**
   * The command writes no bundle, so the guarded io (safe-output/guarded-io.ts) need not hash the
   * bytes to check, before a write, that the input is unchanged.
   */
  noWriteFollows?: boolean;
  /** Only bytes [from, to) (a bounded bundle read reads its codings beside its posts). */
  range?: { from: number; to: number };
}

export function isImportIo(io: CliIo): io is ImportIo {
  return typeof (io as Partial<ImportIo>).readChunks === 'function' && typeof (io as Partial<ImportIo>).writeChunks === 'function';
}

/** The io the import command works with: streaming node:fs for the real CLI, an adapter otherwise. */
export function importIoOf(io: CliIo): ImportIo {
  if (isImportIo(io)) return io;
  if (io === nodeIo) return nodeImportIo;
  return textImportIo(io);
}

/** Over a plain CliIo: files are UTF-8 text read whole, output joined then written once. */
export function textImportIo(io: CliIo): ImportIo {
  const bytes = async (path: string) => new TextEncoder().encode(await io.readFile(path));
  return {
    ...io,
    readBytes: bytes,
    fileSize: async (path) => (await bytes(path)).length,
    readHead: async (path, maxBytes) => (await bytes(path)).subarray(0, maxBytes),
    async *readChunks(path, options) {
      const all = await bytes(path);
      yield options?.range ? all.subarray(options.range.from, options.range.to) : all;
    },
    writeChunks: (path, chunks) => io.writeFile(path, [...chunks].join('')),
  };
}

const READ_CHUNK = 1024 * 1024;

export const nodeImportIo: ImportIo = {
  ...nodeIo,
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  fileSize: async (path) => (await stat(path)).size,
  async readHead(path, maxBytes) {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(maxBytes);
      let filled = 0;
      while (filled < maxBytes) {
        const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  },
  async *readChunks(path, options) {
    if (!options?.reuseBuffer) {
      if (options?.range && options.range.to <= options.range.from) return;
      const range = options?.range ? { start: options.range.from, end: options.range.to - 1 } : {};
      for await (const chunk of createReadStream(path, { ...range, highWaterMark: READ_CHUNK })) yield chunk as Uint8Array;
      return;
    }
    const handle = await open(path, 'r');
    try {
      let at = options.range?.from ?? 0;
      const to = options.range?.to ?? Infinity;
      const buffer = new Uint8Array(Math.max(0, Math.min(READ_CHUNK, to - at)));
      while (at < to) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, to - at), at);
        if (bytesRead === 0) return;
        at += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  },
  writeChunks: (path, chunks) => writeFileAtomic(path, chunks),
};
