import type { Bundle } from '@shared/bundle/bundle';
import { checkBundleBounded, type BundleOutline } from '@shared/bundle/check-bundle-bounded';
import { readBundleChunks, TEXT_FALLBACK_BYTES } from '@shared/bundle/read-bundle-stream';
import { formatProblem, type Problem } from '@shared/problem/problem';
import type { Result } from '@shared/util/result';
import { err } from '@shared/util/result';

import { importIoOf } from './import/import-io';
import { describeFileError, type CliIo } from './io';
import { bundleFileSource } from './project/bundle-source';

/** Reads and validates a bundle as it streams in; every failure becomes lines that name the file. */
export async function loadBundle(path: string, io: CliIo): Promise<Result<Bundle, { lines: string[]; problems: Problem[] }>> {
  // Streamed (no whole-file string: a bundle past V8's string limit reads); a file that is not JSON
  // is read again as text while it can be one string, for parseBundleText's line and column.
  let result: Result<Bundle, Problem[]>;
  try {
    const files = importIoOf(io);
    const small = (await files.fileSize(path)) <= TEXT_FALLBACK_BYTES;
    // One reused buffer: the reader copies what it keeps (fresh 1 MB buffers wait for the collector).
    result = await readBundleChunks(files.readChunks(path, { reuseBuffer: true }), small ? () => io.readFile(path) : null);
  } catch (e) {
    const message = `cannot read ${path}: ${describeFileError(e)}`;
    return err({ lines: [`threadmark: ${message}`], problems: [{ record: 'bundle', message }] });
  }
  if (result.ok) return result;
  return err({ lines: result.error.map((p) => `${path}: ${formatProblem(p)}`), problems: result.error });
}

/**
 * Checks a bundle as loadBundle does (the same problems and lines) without holding the project:
 * its head and counts (shared/bundle/check-bundle-bounded.ts). For a command that only reports.
 */
export async function checkBundleFile(path: string, io: CliIo): Promise<Result<BundleOutline, { lines: string[]; problems: Problem[] }>> {
  let result: Result<BundleOutline, Problem[]>;
  try {
    const files = importIoOf(io);
    const source = await bundleFileSource(files, path);
    result = await checkBundleBounded(source, source.size <= TEXT_FALLBACK_BYTES ? () => io.readFile(path) : null);
  } catch (e) {
    const message = `cannot read ${path}: ${describeFileError(e)}`;
    return err({ lines: [`threadmark: ${message}`], problems: [{ record: 'bundle', message }] });
  }
  if (result.ok) return result;
  return err({ lines: result.error.map((p) => `${path}: ${formatProblem(p)}`), problems: result.error });
}
