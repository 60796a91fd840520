/**
 * The one atomic file write, for main/ (the app's Save) and cli/ (every file the CLI writes):
 * `path` holds either the old file or the complete new one, never a torn mix, also after a crash.
 * The bytes go to a temp file in the same folder (a rename is only atomic within a file system),
 * the temp file is flushed to disk (fsync), renamed over the target, and the folder is flushed so
 * the rename itself survives a power cut. Any failure removes the temp file and leaves the old
 * file as it was. A replaced file keeps its permission bits. Temp files are named
 * `.<name>.threadmark-<pid>-<uuid>.tmp`: a process killed mid-write (SIGKILL, power cut) leaves
 * one behind, and the next write to the same file removes those whose process is gone.
 */
import { randomUUID } from 'node:crypto';
import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';

import { isProcessAlive } from './process-alive';

/** Text (written as UTF-8), bytes, or pieces of either in order: a huge file need never be one string. */
export type AtomicContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Pieces are gathered to about this many characters or bytes per write call. */
const WRITE_BATCH_SIZE = 1024 * 1024;

export interface AtomicWriteOptions {
  /**
   * Runs once the new file is complete, just before it replaces `path`; a rejection keeps the old
   * file and removes the temp file (the CLI checks here that its input did not change meanwhile).
   */
  beforeRename?: () => Promise<void>;
}

/** Temp files being written by this process: a signal handler removes them before exiting. */
const activeTemps = new Set<string>();

export async function writeFileAtomic(path: string, content: AtomicContent, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await sweepStaleTemps(path);
  const temp = join(dir, `${tempPrefix(path)}${process.pid}-${randomUUID()}.tmp`);
  const mode = await existingMode(path);
  activeTemps.add(temp);
  try {
    const handle = await open(temp, 'wx');
    try {
      await writeAll(handle, content);
      // The replaced file's permissions (a private 0600 project stays private); new files get the umask's.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    activeTemps.delete(temp);
  }
  await syncDirectory(dir);
}

/** Removes this process's unfinished temp files, synchronously: for SIGINT/SIGTERM handlers. */
export function removeActiveTempsSync(removeSync: (path: string) => void): void {
  for (const temp of activeTemps) {
    try {
      removeSync(temp);
    } catch {
      // Already renamed or removed.
    }
  }
  activeTemps.clear();
}

const tempPrefix = (path: string): string => `.${basename(path)}.threadmark-`;
const TEMP_PID = /^(\d+)-[0-9a-f-]{36}\.tmp$/;

/** Removes temp files of `path` left by processes that are gone (killed before they could clean up). */
export async function sweepStaleTemps(path: string): Promise<string[]> {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = TEMP_PID.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || isProcessAlive(Number(pid))) continue;
    await rm(join(dirname(path), name), { force: true });
    removed.push(name);
  }
  return removed;
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    const info = await lstat(path);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

async function writeAll(handle: Handle, content: AtomicContent): Promise<void> {
  const write = async (bytes: Uint8Array): Promise<void> => {
    for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at, null)).bytesWritten;
  };
  if (typeof content === 'string') return write(Buffer.from(content, 'utf8'));
  if (content instanceof Uint8Array) return write(content);
  // Many small strings (a bundle's records) are joined before encoding: one Buffer per batch.
  let batch: Array<string | Uint8Array> = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    const bytes = batch.every((piece) => typeof piece === 'string')
      ? Buffer.from(batch.join(''), 'utf8')
      : Buffer.concat(batch.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)));
    batch = [];
    size = 0;
    await write(bytes);
  };
  for await (const piece of content) {
    batch.push(piece);
    size += piece.length;
    if (size >= WRITE_BATCH_SIZE) await flush();
  }
  if (batch.length > 0) await flush();
}

// Makes the rename itself durable on POSIX; Windows cannot open a folder, so it is best effort.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is already in place; only crash-durability of the rename is weaker here.
  }
}
