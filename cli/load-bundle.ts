import type { Bundle } from '@shared/bundle/bundle';
import { readBundleChunks, TEXT_FALLBACK_BYTES } from '@shared/bundle/read-bundle-stream';
import { formatProblem, type Problem } from '@shared/problem/problem';
import type { Result } from '@shared/util/result';
import { err } from '@shared/util/result';

import { importIoOf } from './import/import-io';
import { describeFileError, type CliIo } from './io';

/** Reads and validates a bundle as it streams in; every failure becomes lines that name the file. */
export async function loadBundle(path: string, io: CliIo): Promise<Result<Bundle, { lines: string[]; problems: Problem[] }>> {
  // Streamed (no whole-file string: a bundle past V8's string limit reads); a file that is not JSON
  // is read again as text while it can be one string, for parseBundleText's line and column.
  let result: Result<Bundle, Problem[]>;
  try {
    const files = importIoOf(io);
    const small = (await files.fileSize(path)) <= TEXT_FALLBACK_BYTES;
    result = await readBundleChunks(files.readChunks(path), small ? () => io.readFile(path) : null);
  } catch (e) {
    const message = `cannot read ${path}: ${describeFileError(e)}`;
    return err({ lines: [`threadmark: ${message}`], problems: [{ record: 'bundle', message }] });
  }
  if (result.ok) return result;
  return err({ lines: result.error.map((p) => `${path}: ${formatProblem(p)}`), problems: result.error });
}
