import { open } from 'node:fs/promises';
import { basename } from 'node:path';

import type { IpcError } from '@shared/ipc/contract';
import { err, ok, type Result } from '@shared/util/result';

import { describeFsError } from './fs-error';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Reads a whole file as UTF-8 text. The size is checked on the open handle before reading, so a
 * huge file costs nothing; invalid UTF-8 is an error naming the file, never U+FFFD in the data.
 * A leading BOM is dropped (TextDecoder's default).
 */
export async function readTextFile(path: string, maxBytes: number): Promise<Result<string, IpcError>> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) {
        return err({ code: 'io', message: `"${name}" is too large: files over ${megabytes(maxBytes)} are not opened.` });
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return err({ code: 'io', message: `Could not read "${name}": ${describeFsError(error)}.` });
  }
  return decodeTextFile(name, bytes);
}

/** A file's bytes as UTF-8 text (a leading BOM dropped), or an error naming the file. */
export function decodeTextFile(name: string, bytes: Uint8Array): Result<string, IpcError> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return err({ code: 'io', message: `"${name}" is not UTF-8 text. Save it as UTF-8 and open it again.` });
  }
}
