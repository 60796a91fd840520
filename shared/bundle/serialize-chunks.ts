/**
 * serializeBundle's exact bytes, produced in pieces. A bundle of a million posts serializes to
 * more characters than V8's longest string (and its journal lists every added post's id), so the
 * CLI and the app write bundles chunk by chunk. Each batch of
 * records goes through serializeBundle itself (key order, meta sorting, indentation) and its array
 * body is cut out, so the output cannot drift from the format; bundle-chunks.test.ts checks that
 * the joined chunks equal serializeBundle for every array size (serialize-chunks.test.ts: on
 * varied bundles, as bytes too).
 */
import type { Bundle } from './bundle';
import { serializeBundle, writtenRecord } from './serialize';

/**
 * The arrays that can be huge, in the order serializeBundle writes them. Rounds and decisions (a
 * few, and one per adjudicated disagreement) are written whole with the skeleton.
 */
const ARRAYS = ['threads', 'posts', 'codes', 'coders', 'codings', 'codebookVersions', 'assignments', 'journal'] as const;
export type StreamedArrayName = (typeof ARRAYS)[number];
type ArrayName = StreamedArrayName;

const BATCH = 2000;

export function* serializeBundleChunks(bundle: Bundle): Generator<string> {
  const empty: Bundle = { ...bundle, threads: [], posts: [], codes: [], coders: [], codings: [], codebookVersions: [], assignments: [], journal: [] };
  const skeleton = serializeBundle(empty);
  let at = 0;
  for (const name of ARRAYS) {
    const marker = `"${name}": []`;
    const found = skeleton.indexOf(marker, at);
    if (found === -1) throw new Error(`serializeBundleChunks: "${name}" not found in the serialized bundle`);
    const open = found + marker.length - 1;
    yield skeleton.slice(at, open);
    at = open;
    const records = (bundle[name] ?? []) as readonly unknown[];
    if (records.length === 0) continue;
    yield '\n';
    for (let start = 0; start < records.length; start += BATCH) {
      if (start > 0) yield ',\n';
      yield arrayBody(name, records.slice(start, start + BATCH));
    }
    yield '\n  ';
  }
  yield skeleton.slice(at);
}

/** Where the streamed arrays' records come from: batches of any size (a thread's posts, a page of codings), sync or async. */
export type RecordBatches = Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;

/**
 * serializeBundle's exact bytes from a head and, per streamed array, a source of record batches:
 * nothing but one batch of at most BATCH records is held, so a project written from a database a
 * thread at a time is never one object (the app's export, the scale bench). The head's own arrays
 * named in `sources` are ignored; the others (codes, rounds, decisions…) are written from the head.
 */
export async function* serializeBundleChunksFrom(head: Bundle, sources: Partial<Record<ArrayName, () => RecordBatches>>): AsyncGenerator<string> {
  const empty: Bundle = { ...head, threads: [], posts: [], codes: [], coders: [], codings: [], codebookVersions: [], assignments: [], journal: [] };
  const skeleton = serializeBundle(empty);
  let at = 0;
  for (const name of ARRAYS) {
    const marker = `"${name}": []`;
    const found = skeleton.indexOf(marker, at);
    if (found === -1) throw new Error(`serializeBundleChunksFrom: "${name}" not found in the serialized bundle`);
    const open = found + marker.length - 1;
    yield skeleton.slice(at, open);
    at = open;
    const source = sources[name];
    let written = 0;
    for await (const batch of source ? source() : [(head[name] ?? []) as readonly unknown[]]) {
      for (let start = 0; start < batch.length; start += BATCH) {
        yield written === 0 ? '\n' : ',\n';
        written++;
        yield arrayBody(name, start === 0 && batch.length <= BATCH ? batch : batch.slice(start, start + BATCH));
      }
    }
    if (written > 0) yield '\n  ';
  }
  yield skeleton.slice(at);
}

/** The records of one batch as serializeBundle writes them inside the array, without brackets. */
function arrayBody(name: ArrayName, records: readonly unknown[]): string {
  const write = writtenRecord[name] as (record: unknown) => unknown;
  // The array as a member of a top-level object, as in the bundle: `{\n  "name": [\n` records `\n  ]\n}`.
  const text = JSON.stringify({ [name]: records.map(write) }, null, 2);
  return text.slice(`{\n  "${name}": [\n`.length, text.length - '\n  ]\n}'.length);
}

/** The same chunks as UTF-8 bytes, for a writer that takes bytes. */
export function* serializeBundleBytes(bundle: Bundle): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const chunk of serializeBundleChunks(bundle)) yield encoder.encode(chunk);
}

/** The bundle's bytes in one array, built from the chunks: never one string, so past V8's string limit too. */
export function bundleBytes(bundle: Bundle): Uint8Array {
  const parts = [...serializeBundleBytes(bundle)];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
