/**
 * The real CLI's file access with the output rules of docs/formats.md "Where the CLI writes":
 * - every file a command reads is remembered with its identity (device + inode) and a fingerprint
 *   (mtime, size, SHA-256 of the bytes read);
 * - an export (writeFile) refuses to replace a file the same command read (`export p.json --to csv
 *   -o p.json`); a bundle write (writeChunks: the documented in-place update `-o <the bundle>`)
 *   may, but only if that file is still exactly what was read: otherwise "changed while …;
 *   nothing written" (checked after the new file is complete, just before it replaces the old);
 * - a symbolic link, device, FIFO or socket at `-o` is refused; --force writes through the link
 *   (the link stays, its target is replaced atomically) or into the device/FIFO;
 * - writes are atomic (node/fs/write-file-atomic.ts: temp file, mode kept, stale temps swept).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { Buffer } from 'node:buffer';

import { writeFileAtomic, type AtomicContent } from '../../node/fs/write-file-atomic';
import { nodeImportIo, type ImportIo } from '../import/import-io';

export interface OutputGuardOptions {
  /** --force: write through a symlink, into a device or FIFO, or over an input. */
  force: boolean;
  /** What the command is doing, for "p.json changed while importing". */
  activity: string;
}

interface Fingerprint {
  dev: number;
  ino: number;
  mtimeMs: number;
  size: number;
  /** Null when the command stopped reading before the end: then mtime and size decide. */
  sha256: string | null;
}

/** A refusal the command prints as "cannot write <path>: <message>". */
export class OutputRefused extends Error {
  constructor(message: string, readonly code: 'EREFUSED' | 'ECHANGED') {
    super(message);
  }
}

export function guardedIo(options: OutputGuardOptions, base: ImportIo = nodeImportIo): ImportIo {
  const inputs = new Map<string, Fingerprint>();

  const remember = async (path: string, before: Awaited<ReturnType<typeof stat>>, sha256: string | null): Promise<void> => {
    const key = await realpath(path).catch(() => path);
    if (inputs.has(key)) return;
    inputs.set(key, { dev: Number(before.dev), ino: Number(before.ino), mtimeMs: Number(before.mtimeMs), size: Number(before.size), sha256 });
  };

  /** The input at `path`, if the file there is one this command read. */
  const inputAt = async (path: string): Promise<Fingerprint | undefined> => {
    const info = await stat(path).catch(() => null);
    if (!info) return undefined;
    for (const input of inputs.values()) if (input.dev === Number(info.dev) && input.ino === Number(info.ino)) return input;
    return undefined;
  };

  /** Where to write, or a refusal; `special` means a device or FIFO written in place (with --force). */
  const target = async (path: string, kind: 'export' | 'bundle'): Promise<{ path: string; special: boolean; input?: Fingerprint }> => {
    const link = await lstat(path).catch(() => null);
    if (!link) return { path, special: false };
    let real = path;
    if (link.isSymbolicLink()) {
      if (!options.force) throw new OutputRefused(`${path} is a symbolic link; writing would replace the link with a file (use --force to replace the file it points to, or another -o)`, 'EREFUSED');
      real = await realpath(path);
    }
    const info = await stat(real);
    if (!info.isFile() && !info.isDirectory()) {
      const what = info.isFIFO() ? 'a FIFO (named pipe)' : info.isSocket() ? 'a socket' : 'a device';
      if (!options.force) throw new OutputRefused(`${path} is ${what}, not a regular file; nothing written (use --force to write into it)`, 'EREFUSED');
      return { path: real, special: true };
    }
    const input = await inputAt(real);
    if (input && kind === 'export' && !options.force)
      throw new OutputRefused(`${path} is an input of this command; writing there would replace it; nothing written (choose another -o, or --force)`, 'EREFUSED');
    return { path: real, special: false, ...(input ? { input } : {}) };
  };

  const write = async (path: string, content: AtomicContent, kind: 'export' | 'bundle'): Promise<void> => {
    const where = await target(path, kind);
    if (where.special) return writeInPlace(where.path, content);
    const input = where.input;
    await writeFileAtomic(where.path, content, input ? { beforeRename: () => unchanged(path, where.path, input, options.activity) } : {});
  };

  return {
    ...base,
    // The base io reads (its checks and messages kept); the fingerprint is of what it read.
    readFile: async (path) => {
      const before = await stat(path);
      const text = await base.readFile(path);
      // The base decodes strictly (invalid UTF-8 is refused) and keeps a BOM, so this is the file's bytes.
      await remember(path, before, hash(Buffer.from(text, 'utf8')));
      return text;
    },
    readBytes: async (path) => {
      const before = await stat(path);
      const bytes = await base.readBytes(path);
      await remember(path, before, hash(bytes));
      return bytes;
    },
    async *readChunks(path, chunkOptions) {
      const before = await stat(path);
      // Without a write to follow, the fingerprint is the file's identity, time and size (as for a read stopped early).
      const digest = chunkOptions?.noWriteFollows ? null : createHash('sha256');
      let complete = false;
      try {
        for await (const chunk of base.readChunks(path, chunkOptions)) {
          digest?.update(chunk);
          yield chunk;
        }
        complete = true;
      } finally {
        await remember(path, before, complete && digest ? digest.digest('hex') : null);
      }
    },
    writeFile: (path, data) => write(path, data, 'export'),
    writeChunks: (path, chunks) => write(path, chunks, 'bundle'),
  };
}

const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Rejects when the file at `real` is no longer the one the command read. */
async function unchanged(shown: string, real: string, input: Fingerprint, activity: string): Promise<void> {
  const changed = new OutputRefused(`${shown} changed while ${activity}; nothing written`, 'ECHANGED');
  const now = await stat(real).catch(() => null);
  if (!now || Number(now.dev) !== input.dev || Number(now.ino) !== input.ino || Number(now.size) !== input.size || Number(now.mtimeMs) !== input.mtimeMs) throw changed;
  // Same size and time can still hide a rewrite within the clock's resolution: compare the bytes' hash.
  if (input.sha256 !== null && (await hashFile(real)) !== input.sha256) throw changed;
}

async function hashFile(path: string): Promise<string> {
  const digest = createHash('sha256');
  for await (const chunk of createReadStream(path)) digest.update(chunk as Uint8Array);
  return digest.digest('hex');
}

/** A device or FIFO cannot be replaced by a rename: written into, as `>` in a shell would. */
async function writeInPlace(path: string, content: AtomicContent): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    for await (const piece of pieces) await handle.write(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
  } finally {
    await handle.close();
  }
}
