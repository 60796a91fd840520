/// <reference lib="webworker" />
/**
 * Reads an untrusted codebook file off the UI thread: a hostile or huge .qdc/.qdpx/.csv can cost
 * seconds of parsing, and the window must stay responsive meanwhile. Answers CodebookFileProtocol
 * through shared/rpc.
 */
import type { RpcMethod } from '@shared/rpc/rpc';
import { serveWorker } from '@shared/rpc/rpc';
import { randomIds } from '@shared/util/clock';

import { parseCodebookFile, type ParseCodebookResult } from './parse-codebook-file';

export interface CodebookFileRequest {
  name: string;
  bytes: Uint8Array;
}

export interface CodebookFileProtocol {
  parse: RpcMethod<CodebookFileRequest, ParseCodebookResult>;
}

const isRequest = (request: unknown): request is CodebookFileRequest =>
  typeof request === 'object' && request !== null && typeof (request as { name?: unknown }).name === 'string' && (request as { bytes?: unknown }).bytes instanceof Uint8Array;

serveWorker<CodebookFileProtocol>(self, { parse: ({ name, bytes }) => parseCodebookFile(bytes, name, randomIds) }, { validate: { parse: isRequest } });
