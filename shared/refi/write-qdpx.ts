/**
 * The .qdpx archive: project.qde at the root, the text sources in a flat `sources/` folder,
 * threadmark-layout.json beside them (qdpx-layout-file.ts). zip.js writes it in the calling thread
 * (no workers, the platform's CompressionStream). A file over the standard's limit of 2,147,483,647
 * bytes per internal file (REFI-QDA 1.5 §8.5) is refused, named, before anything is zipped.
 */
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js/lib/zip-core-native.js';

import type { Bundle } from '../bundle/bundle';
import { formatBytes } from '../codebook/refi/xml-guard';
import { err, ok, type Result } from '../util/result';
import { LAYOUT_ENTRY } from './qdpx-layout-file';
import { projectQdpxParts, type QdpxWriteOptions } from './write-project-qde';

/** REFI-QDA 1.5 §8.5: "the maximum size of an internal file is 2,147,483,647 bytes". */
export const REFI_MAX_FILE_BYTES = 2_147_483_647;

export interface QdpxExportOptions extends QdpxWriteOptions {
  /** Tests lower it; the standard's limit otherwise. */
  maxFileBytes?: number;
}

const NO_WORKERS = { useWebWorkers: false, useCompressionStream: true } as const;

export async function writeQdpx(bundle: Bundle, options: QdpxExportOptions): Promise<Result<Uint8Array, string[]>> {
  const parts = projectQdpxParts(bundle, options);
  if (!parts.ok) return parts;
  const { qde, sources, layout } = parts.value;
  const limit = options.maxFileBytes ?? REFI_MAX_FILE_BYTES;
  const encoder = new TextEncoder();
  const tooBig: string[] = [];
  const check = (what: string, text: string): void => {
    // A UTF-8 byte is at most 3 per UTF-16 unit: only a text that could be over the limit is measured.
    if (text.length * 3 <= limit) return;
    const bytes = encoder.encode(text).byteLength;
    if (bytes > limit) tooBig.push(`${what} is ${formatBytes(bytes)}, over the REFI-QDA limit of ${formatBytes(limit)} for one file in a .qdpx: export fewer threads, or split the thread`);
  };
  check('project.qde (the codings and codebook)', qde);
  for (const source of sources) check(`the text of thread “${source.threadTitle}”`, source.text);
  if (tooBig.length > 0) return err(tooBig);

  // The default level: any other makes zip.js deflate in JavaScript instead of the platform's CompressionStream.
  const writer = new ZipWriter(new Uint8ArrayWriter(), NO_WORKERS);
  // Bytes encoded once and read as views: a TextReader goes through a Blob and a stream of copies.
  const bytesOf = (text: string) => new Uint8ArrayReader(encoder.encode(text));
  await writer.add('project.qde', bytesOf(qde), NO_WORKERS);
  for (const source of sources) await writer.add(`sources/${source.path}`, bytesOf(source.text), NO_WORKERS);
  await writer.add(LAYOUT_ENTRY, bytesOf(JSON.stringify(layout)), NO_WORKERS);
  return ok(await writer.close());
}
