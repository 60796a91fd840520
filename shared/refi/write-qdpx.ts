/**
 * The .qdpx archive: project.qde at the root, the text sources in a flat `sources/` folder,
 * threadmark-layout.json beside them (qdpx-layout-file.ts). shared/zip writes it in the calling
 * thread, each entry deflated by the runtime's DEFLATE (options.deflate, CompressionStream by
 * default) and stamped with the bundle's export time, so the same bundle gives the same bytes. A
 * file over the standard's limit of 2,147,483,647 bytes per internal file (REFI-QDA 1.5 §8.5) is
 * refused, named, before anything is zipped.
 */
import type { Bundle } from '../bundle/bundle';
import { formatBytes } from '../codebook/refi/xml-guard';
import { err, type Result } from '../util/result';
import { writeZip, type DeflateRaw, type ZipWriteEntry } from '../zip/write-zip';
import { LAYOUT_ENTRY } from './qdpx-layout-file';
import { projectQdpxParts, type QdpxWriteOptions } from './write-project-qde';

/** REFI-QDA 1.5 §8.5: "the maximum size of an internal file is 2,147,483,647 bytes". */
export const REFI_MAX_FILE_BYTES = 2_147_483_647;

export interface QdpxExportOptions extends QdpxWriteOptions {
  /** Tests lower it; the standard's limit otherwise. */
  maxFileBytes?: number;
  /** The runtime's raw DEFLATE (cli/node-deflate.ts in Node); the platform's CompressionStream otherwise. */
  deflate?: DeflateRaw;
}

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
    if (bytes > limit) tooBig.push(tooBigMessage(what, bytes, limit));
  };
  if (qde.byteLength > limit) tooBig.push(tooBigMessage('project.qde (the codings and codebook)', qde.byteLength, limit));
  for (const source of sources) check(`the text of thread “${source.threadTitle}”`, source.text);
  if (tooBig.length > 0) return err(tooBig);

  // Each entry encoded only when the writer takes it: the bytes of all sources are never held at once.
  function* entries(): Generator<ZipWriteEntry> {
    yield { name: 'project.qde', data: qde };
    for (const source of sources) yield { name: `sources/${source.path}`, data: encoder.encode(source.text) };
    yield { name: LAYOUT_ENTRY, data: encoder.encode(JSON.stringify(layout)) };
  }
  const zip = await writeZip(entries(), bundle.exportedAt, options.deflate);
  return zip.ok ? zip : err([zip.error]);
}

function tooBigMessage(what: string, bytes: number, limit: number): string {
  return `${what} is ${formatBytes(bytes)}, over the REFI-QDA limit of ${formatBytes(limit)} for one file in a .qdpx: export fewer threads, or split the thread`;
}
