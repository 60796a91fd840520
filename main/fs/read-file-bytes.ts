import { open } from 'node:fs/promises';
import { basename } from 'node:path';

import type { IpcError } from '@shared/ipc/contract';
import { err, ok, type Result } from '@shared/util/result';

import { describeFsError } from './fs-error';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Reads a whole file as bytes, for formats the renderer decodes itself (a .qdpx zip archive).
 * The size is checked on the open handle before reading, so a huge file costs nothing.
 */
export async function readFileBytes(path: string, maxBytes: number): Promise<Result<Uint8Array<ArrayBuffer>, IpcError>> {
  const name = basename(path);
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) {
        return err({ code: 'io', message: `"${name}" is too large: files over ${megabytes(maxBytes)} are not opened.` });
      }
      // Copied into a plain Uint8Array of its own: a Buffer may be a view into a larger pooled
      // ArrayBuffer, and IPC would clone all of it.
      return ok(new Uint8Array(await handle.readFile()));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return err({ code: 'io', message: `Could not read "${name}": ${describeFsError(error)}.` });
  }
}
