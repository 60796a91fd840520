/**
 * The one atomic file write, for main/ (the app's Save) and cli/ (every file the CLI writes):
 * `path` holds either the old file or the complete new one, never a torn mix, also after a crash.
 * The bytes go to a temp file in the same folder (a rename is only atomic within a file system),
 * the temp file is flushed to disk (fsync), renamed over the target, and the folder is flushed so
 * the rename itself survives a power cut. Any failure removes the temp file and leaves the old
 * file as it was.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';

/** Text (written as UTF-8), bytes, or pieces of either in order: a huge file need never be one string. */
export type AtomicContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Pieces are gathered to about this many characters or bytes per write call. */
const WRITE_BATCH_SIZE = 1024 * 1024;

export async function writeFileAtomic(path: string, content: AtomicContent): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await writeAll(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
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
