/** A picked or dropped File as a ByteSource: read in 1 MB slices, never as one string. */
import type { ByteSource } from '@shared/import/stream/byte-source';

const SLICE = 1024 * 1024;

export function fileSource(file: Blob & { name: string }): ByteSource {
  return {
    name: file.name,
    size: file.size,
    head: async (maxBytes) => new Uint8Array(await file.slice(0, maxBytes).arrayBuffer()),
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    async *chunks() {
      for (let at = 0; at < file.size; at += SLICE) yield new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
    },
  };
}
