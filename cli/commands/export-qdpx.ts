/**
 * `threadmark export <bundle> --to qdpx -o <file> [--positions utf16]`: the project as a REFI-QDA
 * project (shared/refi/write-qdpx.ts), the same bytes the app's File → Export writes.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { writeQdpx } from '@shared/refi/write-qdpx';

import { VERSION } from '../help';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { nodeDeflateRaw } from '../node-deflate';

export const POSITION_OPTIONS = ['code-points', 'utf16'] as const;

export async function writeQdpxExport(bundle: Bundle, options: { path: string; output: string; positions: 'code-points' | 'utf16' }, io: CliIo): Promise<number> {
  const written = await writeQdpx(bundle, { origin: `Threadmark ${VERSION}`, positions: options.positions, deflate: nodeDeflateRaw });
  if (!written.ok) {
    io.stderr([...written.error.map((m) => `${options.path}: ${m}`), 'threadmark: nothing written'].map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  try {
    await io.writeFile(options.output, written.value);
  } catch (e) {
    io.stderr(`threadmark: cannot write ${options.output}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  const threads = new Set(bundle.posts.map((p) => p.threadId)).size;
  io.stdout(`wrote ${threads} ${threads === 1 ? 'thread' : 'threads'} and ${bundle.codings.length} codings (positions in ${options.positions}) to ${options.output}\n`);
  return EXIT_OK;
}
