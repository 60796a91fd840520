/** Bytes of a .qdpx → what the core's `qdpx.import` takes: read, checked, cut into threads (the app's and the CLI's one path). */
import type { Bundle } from '../bundle/bundle';
import type { QdpxReadOptions } from '../codebook/refi/open-qdpx-archive';
import type { Problem } from '../problem/problem';
import { ok, type Result } from '../util/result';
import { qdpxImportBundle, type QdpxImportOptions } from './qdpx-import-bundle';
import type { QdpxReport } from './qdpx-report';
import { readQdpxProject } from './read-qdpx-project';

export async function prepareQdpxImport(bytes: Uint8Array, fileName: string, options: QdpxImportOptions, limits: QdpxReadOptions = {}): Promise<Result<{ bundle: Bundle; report: QdpxReport }, Problem[]>> {
  const read = await readQdpxProject(bytes, fileName, limits);
  if (!read.ok) return read;
  return ok(qdpxImportBundle(read.value, options));
}
