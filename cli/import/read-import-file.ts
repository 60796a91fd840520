/**
 * One file of `threadmark import` → its parsed posts, through the shared reader
 * (shared/import/stream/read-source.ts) over node:fs. Only the CLI's part lives here: a file that
 * cannot be read is a problem naming it.
 */
import type { Problem } from '@shared/problem/problem';
import type { ByteSource } from '@shared/import/stream/byte-source';
import { readImportSource, type ReadFile, type ReadOptions } from '@shared/import/stream/read-source';
import { err, type Result } from '@shared/util/result';

import { describeFileError } from '../io';
import type { ImportIo } from './import-io';

/** Files at least this big are streamed when their format allows it. */
export const DEFAULT_STREAM_THRESHOLD = 32 * 1024 * 1024;

export type { ReadFile, ReadOptions };

export async function readImportFile(io: ImportIo, path: string, options: ReadOptions): Promise<Result<ReadFile, Problem[]>> {
  try {
    const size = await io.fileSize(path);
    const source: ByteSource = {
      name: path,
      size,
      head: (maxBytes) => io.readHead(path, maxBytes),
      bytes: () => io.readBytes(path),
      chunks: () => io.readChunks(path),
    };
    return await readImportSource(source, options);
  } catch (e) {
    return err([{ file: path, message: `cannot read the file: ${describeFileError(e)}` }]);
  }
}
