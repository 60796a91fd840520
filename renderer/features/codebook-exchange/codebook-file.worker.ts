/// <reference lib="webworker" />
/**
 * Reads an untrusted codebook file off the UI thread: a hostile or huge .qdc/.qdpx/.csv can cost
 * seconds of parsing, and the window must stay responsive meanwhile.
 */
import { randomIds } from '@shared/util/clock';
import { err } from '@shared/util/result';

import { parseCodebookFile, type ParseCodebookResult } from './parse-codebook-file';

export interface CodebookFileRequest {
  name: string;
  bytes: Uint8Array;
}

const reply = (result: ParseCodebookResult): void => self.postMessage(result);

self.onmessage = (event: MessageEvent<CodebookFileRequest>) => {
  const { name, bytes } = event.data;
  parseCodebookFile(bytes, name, randomIds).then(reply, (error: unknown) =>
    reply(err([{ file: name, message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}` }])),
  );
};
