/**
 * A `*.threadmark.json` read from chunks of bytes (bundle-json-stream.ts: no whole-file string, so
 * a bundle past V8's string limit reads), then validated as parseBundleText validates the same text:
 * the same bundle, the same problems. A file that is not JSON is re-read as text, when the caller
 * can still afford one string, so its message names line and column as before.
 */
import type { Problem } from '../problem/problem';
import { err, type Result } from '../util/result';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle } from './bundle';
import { RECORD_ARRAYS, type RecordArrayName } from './bundle-schema';
import { RecordCheck } from './record-check';
import { JsonStreamError, TopLevelJsonReader } from './bundle-json-stream';
import { parseBundleText, validateBundle } from './validate';

/** Below this a file can still be one string (V8's limit is 2^29 − 24 characters); past it, no text fallback. */
export const TEXT_FALLBACK_BYTES = 256 * 1024 * 1024;

/**
 * `wholeText`: the file as text, asked for only when the bytes are not JSON (null when the file is
 * too big to be one string: the streamed message, with its byte offset, is reported then). Bytes
 * that are not UTF-8 reject with "not valid UTF-8 text", as the CLI's readFile does.
 */
export async function readBundleChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, wholeText: (() => Promise<string>) | null): Promise<Result<Bundle, Problem[]>> {
  // A version 3 file (the only one needing no migration) is checked record by record as it is
  // parsed: the raw records are dropped once checked (record-check.ts), never all held at once.
  const check = new RecordCheck();
  const reader = new TopLevelJsonReader((key, members) =>
    members.format === BUNDLE_FORMAT && members.formatVersion === BUNDLE_FORMAT_VERSION && isRecordArray(key) ? (records) => check.add(key, records) : null,
  );
  let json: Record<string, unknown>;
  try {
    for await (const chunk of chunks) reader.push(chunk);
    json = reader.finish();
  } catch (e) {
    if (!(e instanceof JsonStreamError)) throw e;
    if (e.kind === 'encoding') throw new Error('not valid UTF-8 text', { cause: e });
    if (wholeText) return parseBundleText(await wholeText());
    return err([{ record: 'bundle', message: e.message }]);
  }
  return validateBundle(json, check);
}

const isRecordArray = (key: string): key is RecordArrayName => (RECORD_ARRAYS as readonly string[]).includes(key);

/** Bytes already in memory (the app's opened file), read in pieces as a stream would be. */
export function* byteChunks(bytes: Uint8Array, size = 4 * 1024 * 1024): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
