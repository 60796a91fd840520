/// <reference lib="webworker" />
/**
 * Reads an untrusted REFI-QDA project (.qdpx) off the UI thread: unzipping, parsing the project.qde
 * and placing every selection can take seconds on a big project, and a hostile one (issue 14: 100,000
 * codes froze the window 20 s) must never freeze the window. Answers QdpxFileProtocol through shared/rpc.
 */
import type { Problem } from '@shared/problem/problem';
import { prepareQdpxImport } from '@shared/refi/prepare-qdpx-import';
import type { QdpxImportOptions } from '@shared/refi/qdpx-import-bundle';
import type { RpcMethod } from '@shared/rpc/rpc';
import { serveWorker } from '@shared/rpc/rpc';
import type { Result } from '@shared/util/result';

export interface QdpxFileRequest {
  name: string;
  bytes: Uint8Array;
  options: QdpxImportOptions;
}

export type PreparedQdpx = Awaited<ReturnType<typeof prepareQdpxImport>> extends Result<infer T, Problem[]> ? T : never;

export interface QdpxFileProtocol {
  /** File → Import a REFI-QDA project: the bundle the core's import takes, and its report. */
  prepare: RpcMethod<QdpxFileRequest, Result<PreparedQdpx, Problem[]>>;
}

const isRequest = (request: unknown): request is QdpxFileRequest =>
  typeof request === 'object' &&
  request !== null &&
  typeof (request as { name?: unknown }).name === 'string' &&
  (request as { bytes?: unknown }).bytes instanceof Uint8Array &&
  typeof (request as { options?: unknown }).options === 'object';

serveWorker<QdpxFileProtocol>(self, { prepare: ({ name, bytes, options }) => prepareQdpxImport(bytes, name, options) }, { validate: { prepare: isRequest } });
