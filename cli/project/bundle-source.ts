/** A bundle file as a BundleByteSource (shared/bundle/check-bundle-bounded.ts): read in ranges, never whole. */
import type { BundleByteSource } from '@shared/bundle/check-bundle-bounded';

import type { ImportIo } from '../import/import-io';

export async function bundleFileSource(files: ImportIo, path: string): Promise<BundleByteSource> {
  const size = await files.fileSize(path);
  // One buffer per cursor, overwritten by each read: the reader copies what it keeps, and fresh
  // buffers would raise the peak by what the collector has not yet freed.
  return { size, chunks: (from, to) => files.readChunks(path, { range: { from, to }, noWriteFollows: true, reuseBuffer: true }) };
}
